package io.rapport.delivery;

import java.util.UUID;

/**
 * Some of a pair's open assignments expired, the earliest in session {@code fromSessionNumber}. Fired inside the
 * transaction that expired them, with the pair locked.
 */
public record AssignmentsExpired(UUID organizationId, UUID pairId, int fromSessionNumber) {
}
