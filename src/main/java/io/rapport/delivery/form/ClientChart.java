package io.rapport.delivery.form;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.delivery.DeliveryPolicy;
import io.rapport.delivery.FormMessages;
import io.rapport.delivery.FormTexts;
import io.rapport.delivery.ResponseRepository;
import io.rapport.delivery.SessionDirectory;
import io.rapport.delivery.StoredResponse;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * The client's own past totals for the thank-you page, when the organization turned the chart on and the pair did
 * not turn it off. Only the visit's pair and only instruments the client rates: a therapist's rating of the same
 * pair, another client's answers and alerts never reach it.
 */
@ApplicationScoped
public class ClientChart {

    private static final int LEFT = 40;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    private final DeliveryPolicy policy;
    private final SessionDirectory sessions;
    private final ResponseRepository responses;
    private final QuestionnaireCatalog catalog;
    private final FormTexts texts;

    public ClientChart(DeliveryPolicy policy, SessionDirectory sessions, ResponseRepository responses,
            QuestionnaireCatalog catalog, FormTexts texts) {
        this.policy = policy;
        this.sessions = sessions;
        this.responses = responses;
        this.catalog = catalog;
        this.texts = texts;
    }

    /** The chart of the session's pair in the client's language; empty when not allowed or nothing to draw. */
    public Optional<ClientChartView> forSession(UUID organizationId, UUID sessionId, String lang) {
        if (!policy.clientChart(organizationId)) {
            return Optional.empty();
        }
        UUID pairId = sessions.session(organizationId, sessionId).pairId();
        if (sessions.clientChartOff(organizationId, pairId)) {
            return Optional.empty();
        }
        Map<UUID, Instant> times = sessions.sessionTimes(organizationId, pairId);
        Map<String, List<StoredResponse>> byInstrument = new LinkedHashMap<>();
        Map<String, QuestionnaireDefinition> definitions = new LinkedHashMap<>();
        for (StoredResponse r : responses.scoredTotalsForPair(organizationId, pairId)) {
            Optional<QuestionnaireDefinition> d = catalog.get(r.questionnaireId, r.questionnaireVersion);
            // An instrument the catalog no longer knows has no rater to check: left out rather than guessed.
            if (d.isEmpty() || !d.get().clientRated()) {
                continue;
            }
            byInstrument.computeIfAbsent(r.questionnaireId, k -> new ArrayList<>()).add(r);
            definitions.put(r.questionnaireId, d.get()); // the newest answered version sets range and title
        }
        if (byInstrument.isEmpty()) {
            return Optional.empty();
        }
        FormMessages t = texts.in(lang);
        List<ClientChartView.Line> lines = new ArrayList<>();
        for (Map.Entry<String, List<StoredResponse>> e : byInstrument.entrySet()) {
            List<StoredResponse> points = new ArrayList<>(e.getValue());
            points.sort(Comparator.comparing((StoredResponse r) -> times.getOrDefault(r.sessionId, r.submittedAt))
                    .thenComparing(r -> r.submittedAt));
            lines.add(line("chart-" + (lines.size() + 1), definitions.get(e.getKey()), points, times, lang, t));
        }
        return Optional.of(new ClientChartView(t.chartTitle(), t.chartIntro(), t.chartDate(), lines));
    }

    private static ClientChartView.Line line(String id, QuestionnaireDefinition d, List<StoredResponse> points,
            Map<UUID, Instant> times, String lang, FormMessages t) {
        double min = d.totalMin().doubleValue();
        double max = d.totalMax().doubleValue();
        double span = max > min ? max - min : 1;
        int width = ClientChartView.WIDTH - LEFT - RIGHT;
        int height = ClientChartView.HEIGHT - TOP - BOTTOM;
        StringBuilder polyline = new StringBuilder();
        List<ClientChartView.Dot> dots = new ArrayList<>();
        List<ClientChartView.Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            StoredResponse r = points.get(i);
            double share = Math.min(1, Math.max(0, (r.total.doubleValue() - min) / span));
            String x = coordinate(LEFT + (points.size() == 1 ? width / 2.0 : i * (double) width / (points.size() - 1)));
            String y = coordinate(TOP + height * (1 - share));
            polyline.append(i == 0 ? "" : " ").append(x).append(',').append(y);
            dots.add(new ClientChartView.Dot(x, y));
            rows.add(new ClientChartView.Row(FormTexts.date(time(r, times), lang), number(r.total, lang)));
        }
        String yMin = number(d.totalMin(), lang);
        String yMax = number(d.totalMax(), lang);
        Instant first = time(points.get(0), times);
        Instant last = time(points.get(points.size() - 1), times);
        String desc = t.chartDesc(points.size(), FormTexts.date(first, lang), FormTexts.date(last, lang), yMin, yMax,
                rows.get(rows.size() - 1).total());
        return new ClientChartView.Line(id, d.title(), desc, t.chartTotal(yMin, yMax), yMin, yMax,
                shortDate(first, lang), shortDate(last, lang), polyline.toString(), dots, rows);
    }

    private static Instant time(StoredResponse r, Map<UUID, Instant> times) {
        return times.getOrDefault(r.sessionId, r.submittedAt);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A total as the client's language writes numbers (a decimal comma in German and Spanish). */
    static String number(BigDecimal value, String lang) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang));
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    private static String shortDate(Instant instant, String lang) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(Locale.forLanguageTag(lang))
                .format(instant.atZone(ZoneOffset.UTC));
    }
}
