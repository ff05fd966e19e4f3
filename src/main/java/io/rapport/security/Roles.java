package io.rapport.security;

/** Role names carried by security identities and checked by {@code @RolesAllowed}. */
public final class Roles {

    /** An organization's administrator: everything within the organization. */
    public static final String ADMIN = "admin";
    /** An EHR system integrated through an API key. */
    public static final String EHR = "ehr";
    /** A therapist signed in to the pages: sees only the pairs they treat. */
    public static final String THERAPIST = "therapist";
    /** The platform operator: manages organizations, never sees client data. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
