package io.rapport.fhir;

import java.util.regex.Pattern;

/**
 * An {@code identifier} search value, {@code value} or {@code system|value}. The value is the EHR's own id; the
 * system is not stored, as an organization has one EHR and so one id space, like {@code /api/v1}.
 * {@link #toString()} is the value, so the audit trail records the EHR id.
 */
public final class FhirIdentifier {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._~:@|-]{1,128}");

    private final String value;

    private FhirIdentifier(String value) {
        this.value = value;
    }

    /** Never fails, so JAX-RS does not turn a bad value into a 404; {@link #value(String)} checks it. */
    public static FhirIdentifier fromString(String raw) {
        int bar = raw.indexOf('|');
        return new FhirIdentifier(bar < 0 ? raw : raw.substring(bar + 1));
    }

    /** The EHR id, or a 400 naming {@code expression} when it cannot be one. */
    public String value(String expression) {
        if (!EXTERNAL_ID.matcher(value).matches()) {
            throw FhirException.invalid(expression,
                    "must be 1 to 128 letters, digits or . _ ~ : @ | - (the EHR's id)");
        }
        return value;
    }

    public static boolean isExternalId(String value) {
        return value != null && EXTERNAL_ID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
