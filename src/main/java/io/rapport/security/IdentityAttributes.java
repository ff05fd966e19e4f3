package io.rapport.security;

/**
 * Names of the attributes each identity provider puts on a {@code SecurityIdentity}. They live here, beside
 * {@link Caller} which reads them, so that no mechanism's package has to know another's.
 */
public final class IdentityAttributes {

    /** The caller's organization id ({@code UUID}); absent for the operator. */
    public static final String ORGANIZATION = "rapport.organization";
    /** The therapist a signed-in account acts as ({@code UUID}). */
    public static final String THERAPIST = "rapport.therapist";
    /** The web session behind a page request ({@link SignedIn}). */
    public static final String SIGNED_IN = "rapport.signed-in";

    private IdentityAttributes() {
    }
}
