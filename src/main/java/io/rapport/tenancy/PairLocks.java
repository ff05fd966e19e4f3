package io.rapport.tenancy;

import java.util.UUID;

/**
 * Row locks on a client–therapist pair, which serialize every writer of the pair's responses and events. The care
 * feature owns the pair table and implements this; delivery and alerts lock through it without knowing the table.
 */
public interface PairLocks {

    /** Locks a pair by id, for writers that start from another row of the pair. */
    void lockById(UUID organizationId, UUID pairId);

    /**
     * Locks the pair against concurrent writers of its events, unless this transaction holds a pair lock already.
     *
     * @return whether the pair exists in the organization
     */
    boolean lockForEvents(UUID organizationId, UUID pairId);
}
