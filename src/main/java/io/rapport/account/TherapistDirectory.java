package io.rapport.account;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The therapists an account can act as. Implemented by the care feature, which owns the therapist table, so that
 * accounts never read it themselves.
 */
public interface TherapistDirectory {

    /** The id of the therapist with this EHR id, created if it does not exist yet. */
    UUID ensure(UUID organizationId, String externalId);

    /** The EHR ids of these therapists of the organization; unknown ids are left out. */
    Map<UUID, String> externalIds(UUID organizationId, Collection<UUID> therapistIds);
}
