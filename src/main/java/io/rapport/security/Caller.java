package io.rapport.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, and for which organization: every service call that touches data takes it from here. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's organization; an identity without one (the operator) may not touch organization data. */
    public UUID organizationId() {
        UUID org = identity.getAttribute(IdentityAttributes.ORGANIZATION);
        if (org == null) {
            throw new ForbiddenException();
        }
        return org;
    }

    public String principal() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The therapist the caller acts as, present for therapists signed in to the pages. */
    public Optional<UUID> therapistId() {
        return Optional.ofNullable(identity.getAttribute(IdentityAttributes.THERAPIST));
    }

    /** The web session of a page request; empty for API keys. */
    public Optional<SignedIn> signedIn() {
        return Optional.ofNullable(identity.getAttribute(IdentityAttributes.SIGNED_IN));
    }
}
