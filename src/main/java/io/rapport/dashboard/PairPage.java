package io.rapport.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pair's page: its people, a chart per instrument, the latest answers item by item, and its sessions, newest
 * first, each with its questionnaires. {@code clientChart}: whether the client may see their own chart after
 * answering, by the organization's setting and the pair's.
 */
public record PairPage(UUID pairId, String client, String clientCode, String therapist, List<SessionRow> sessions,
        List<ChartView> charts, List<LatestResponse> latest, ClientChart clientChart) {

    /** {@code organization}: the admin turned the chart on; {@code pair}: it is not turned off for this pair. */
    public record ClientChart(boolean organization, boolean pair) {

        public boolean shown() {
            return organization && pair;
        }
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
