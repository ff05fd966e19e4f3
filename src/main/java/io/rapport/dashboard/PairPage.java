package io.rapport.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rapport.delivery.form.FormView;

/**
 * A pair's page: its people, a chart per instrument, the latest answers item by item, and its sessions, newest
 * first, each with its questionnaires. {@code ratings}: sessions awaiting the therapist's own rating;
 * {@code withheld}: session numbers whose client answers the reader may not see before rating them;
 * {@code clientChart}: whether the client may see their own chart after answering, by the organization's setting
 * and the pair's.
 */
public record PairPage(UUID pairId, String client, String clientCode, String therapist, List<SessionRow> sessions,
        List<ChartView> charts, EmpathyAlliance empathyAlliance, List<LatestResponse> latest, List<Rating> ratings,
        List<Integer> withheld, List<Sides> sides, ClientChart clientChart) {

    /** {@code organization}: the admin turned the chart on; {@code pair}: it is not turned off for this pair. */
    public record ClientChart(boolean organization, boolean pair) {

        public boolean shown() {
            return organization && pair;
        }
    }

    /**
     * A session the therapist has not rated yet: its form when the reader is the pair's therapist, else null (an
     * admin sees that it waits, and cannot answer for the therapist).
     */
    public record Rating(UUID sessionId, int sessionNumber, FormView form) {
    }

    /** The therapist's forms of one client instrument beside the client's rating (issue 16). */
    public record Sides(String questionnaireId, String title, String thresholdText, List<SideRow> rows,
            Integer latestSession, List<GapRow> latestGaps) {

        public boolean hasGaps() {
            return !latestGaps.isEmpty();
        }
    }

    /** One session: each side's total as shown, the gap, and whether it is a perspective-gap event. */
    public record SideRow(int sessionNumber, Instant occurredAt, String client, String own, String predicted,
            String gap, boolean event, boolean late) {
    }

    /** One scale's gap in the latest session with both ratings. */
    public record GapRow(String scale, String predicted, String actual, String gap) {
    }

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
            Instant expiresAt, Instant completedAt, boolean therapist) {

        public boolean open() {
            return "open".equals(status);
        }

        /** Only a client's form can be opened in the room; the therapist rates on this page. */
        public boolean roomLink() {
            return open() && !therapist;
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
