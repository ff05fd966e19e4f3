package io.rapport.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pair's page: its people, a chart per instrument, the latest answers item by item, and its sessions, newest
 * first, each with its questionnaires.
 */
public record PairPage(UUID pairId, String client, String clientCode, String therapist, List<SessionRow> sessions,
        List<ChartView> charts, EmpathyAlliance empathyAlliance, List<LatestResponse> latest) {

    /**
     * The client's empathy and alliance totals side by side, oldest session first, one column per instrument;
     * null unless the pair has a scored total of at least one client-rated instrument of each kind.
     */
    public record EmpathyAlliance(List<String> empathy, List<String> alliance, List<SessionTotals> rows) {
    }

    /** A session where any of those instruments was answered; "not answered" or "not scored" where no total. */
    public record SessionTotals(int number, Instant occurredAt, List<String> empathy, List<String> alliance) {
    }

    public record SessionRow(int number, Instant occurredAt, List<AssignmentRow> assignments) {
    }

    /** {@code status} is open, completed, expired or cancelled, as a reader sees it now. */
    public record AssignmentRow(UUID id, String questionnaireId, String questionnaireVersion, String status,
            Instant expiresAt, Instant completedAt) {

        public boolean open() {
            return "open".equals(status);
        }
    }

    /** The latest response to one questionnaire, item by item. */
    public record LatestResponse(String questionnaireId, String version, int sessionNumber, Instant submittedAt,
            List<ItemRow> items) {
    }

    /**
     * {@code low}: in the bottom third of the item's range once reverse-scored, so low always means a weak
     * alliance on that item.
     */
    public record ItemRow(String id, String text, String answer, boolean low) {
    }
}
