package io.rapport.fhir.task;

import io.rapport.fhir.SearchParams;

/**
 * A {@code patient} search value ({@code Patient/<id>} or {@code <id>}). {@link #toString()} is the bare id, so the
 * audit trail records the client searched for.
 */
public final class PatientParam {

    private final String raw;

    private PatientParam(String raw) {
        this.raw = raw;
    }

    /** Never fails, so JAX-RS does not turn a bad value into a 404; a value that is no id matches nothing. */
    public static PatientParam fromString(String raw) {
        return new PatientParam(raw);
    }

    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return SearchParams.reference(raw, "Patient").map(Object::toString).orElse(raw);
    }
}
