package io.rapport.fhir.observation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.rapport.common.web.Ids;

/**
 * An Observation's id, {@code <response id>-<scale>}: stable, and a valid FHIR id ({@code [A-Za-z0-9\-.]{1,64}})
 * for every scale key of the catalog. {@link #toString()} is the response id, so the audit trail follows the
 * response to its client.
 */
public final class ObservationId {

    /** A scale key that fits into a FHIR id after a UUID and a dash. */
    private static final Pattern SAFE_SCALE = Pattern.compile("[A-Za-z0-9.\\-]{1,27}");
    private static final int UUID_LENGTH = 36;

    private final String raw;

    private ObservationId(String raw) {
        this.raw = raw;
    }

    public static ObservationId fromString(String raw) {
        return new ObservationId(raw);
    }

    /** The id of one scale's Observation. Every shipped scale key is safe; others would need a mapping first. */
    public static String of(UUID responseId, String scale) {
        if (!SAFE_SCALE.matcher(scale).matches()) {
            throw new IllegalStateException("Scale key " + scale + " cannot be part of a FHIR id");
        }
        return responseId + "-" + scale;
    }

    public String raw() {
        return raw;
    }

    public Optional<UUID> responseId() {
        return raw.length() > UUID_LENGTH + 1 && raw.charAt(UUID_LENGTH) == '-'
                ? Ids.tryParse(raw.substring(0, UUID_LENGTH))
                : Optional.empty();
    }

    public Optional<String> scale() {
        return responseId().map(id -> raw.substring(UUID_LENGTH + 1));
    }

    @Override
    public String toString() {
        return responseId().map(UUID::toString).orElse(raw);
    }
}
