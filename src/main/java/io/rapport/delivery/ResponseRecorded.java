package io.rapport.delivery;

import java.util.UUID;

/**
 * Fired synchronously, inside the transaction that stored a response, so that whatever observers derive from it
 * (alerts, outbox events) commits or rolls back with the response itself. {@code sessionNumber} is the answered
 * session's number in the pair: what the response can change starts there. {@code channel} is the response's
 * {@link StoredResponse.Channel}.
 */
public record ResponseRecorded(UUID organizationId, UUID pairId, UUID sessionId, int sessionNumber, UUID assignmentId,
        UUID responseId, String questionnaireId, StoredResponse.Channel channel) {
}
