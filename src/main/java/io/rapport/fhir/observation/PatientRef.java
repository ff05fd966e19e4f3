package io.rapport.fhir.observation;

import java.util.Optional;
import java.util.UUID;

import io.rapport.common.web.Ids;

/**
 * A {@code patient} search value: {@code Patient/<id>}, an absolute URL ending in it, or {@code <id>}.
 * {@link #toString()} is the bare id, so the audit trail records the client searched for.
 */
public final class PatientRef {

    private final String raw;

    private PatientRef(String raw) {
        this.raw = raw;
    }

    /** Never fails, so JAX-RS does not turn a bad value into a 404; a value that is no id matches nothing. */
    public static PatientRef fromString(String raw) {
        return new PatientRef(raw);
    }

    /** Rapport's client id, empty when the value cannot be one. */
    public Optional<UUID> id() {
        String v = raw.trim();
        int at = v.lastIndexOf("Patient/");
        if (at >= 0 && (at == 0 || v.charAt(at - 1) == '/')) {
            v = v.substring(at + "Patient/".length());
        } else if (v.contains("/")) {
            return Optional.empty();
        }
        return Ids.tryParse(v);
    }

    @Override
    public String toString() {
        return id().map(UUID::toString).orElse(raw);
    }
}
