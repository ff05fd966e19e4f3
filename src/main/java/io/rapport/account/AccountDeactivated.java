package io.rapport.account;

import java.util.UUID;

/**
 * Fired inside the deactivating transaction; observers (the web sessions) end what the account may still use, so
 * a deactivation and its effects commit or roll back together.
 */
public record AccountDeactivated(UUID organizationId, UUID accountId) {
}
