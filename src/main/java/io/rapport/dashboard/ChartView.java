package io.rapport.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.alert.EventTypes;
import io.rapport.perspective.PerspectiveService;
import io.rapport.questionnaire.Cutoff;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.trend.EventType;
import io.rapport.trend.Point;
import io.rapport.trend.TrendEvent;
import io.rapport.trend.api.InstrumentTrend;

/**
 * One instrument's chart on the pair page and its data table, both from the trend the API returns. {@code data}
 * is what the chart script draws; it travels in a {@code data-chart} attribute because the CSP forbids inline
 * scripts.
 */
public record ChartView(String questionnaireId, String version, String title, Double cutoff, Double mean, Double sd,
        Double slope, List<Double> slopeCi95, List<String> subscales, List<Row> rows, String data,
        List<Explained> explained, String rulesText, boolean sides) {

    /** An event with the sentence that explains it and where its numbers came from. */
    public record Explained(int sessionNumber, String type, String text, String source) {
    }

    /** Event types drawn as ruptures; repair has its own marker and no-response has no score to mark. */
    static final Set<String> RUPTURES = Set.of(EventType.BELOW_CUTOFF.code(), EventType.RELIABLE_DROP.code(),
            EventType.PERSONAL_DROP.code(), EventType.UNREPAIRED.code());

    /** A row of the data table: a session with a score or an event. */
    public record Row(int sessionNumber, Instant occurredAt, Double total, List<String> subscaleValues,
            List<String> events, String predicted, String own, String gap) {

        public String totalText() {
            return text(total);
        }

        public String eventsText() {
            return String.join(", ", events);
        }
    }

    /**
     * @param sides the therapist's forms beside the client's rating (issue 16), null when the instrument has none;
     *        their totals are drawn as lines next to the client's and listed in the data table
     */
    static ChartView of(InstrumentTrend instrument, QuestionnaireDefinition definition,
            Map<Integer, Instant> sessionDates, ObjectMapper json, PerspectiveService.PairSides sides) {
        Map<Integer, PerspectiveService.SessionSides> bySession = new TreeMap<>();
        if (sides != null) {
            sides.sessions().forEach(s -> bySession.put(s.sessionNumber(), s));
        }
        var trend = instrument.trend();
        List<String> subscales = new ArrayList<>(new TreeSet<>(trend.subscales().keySet()));
        Double cutoff = definition == null ? null
                : definition.interpretation().stream().filter(c -> QuestionnaireDefinition.TOTAL.equals(c.scale()))
                        .map(Cutoff::value).map(BigDecimal::doubleValue).findFirst().orElse(null);
        Map<Integer, Point> points = new TreeMap<>();
        trend.points().forEach(p -> points.put(p.sessionNumber(), p));
        Map<Integer, List<String>> events = new TreeMap<>();
        List<TrendEvent> allEvents = new ArrayList<>(trend.events());
        if (instrument.splitAlliance() != null) {
            allEvents.addAll(instrument.splitAlliance().events());
        }
        allEvents.forEach(e -> events.computeIfAbsent(e.sessionNumber(), n -> new ArrayList<>()).add(e.type()));

        Set<Integer> numbers = new TreeSet<>(points.keySet());
        numbers.addAll(events.keySet());
        numbers.addAll(bySession.keySet());
        List<Map<String, Object>> predictedPoints = new ArrayList<>();
        List<Map<String, Object>> ownPoints = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> chartPoints = new ArrayList<>();
        Map<String, List<Map<String, Object>>> chartSubscales = new LinkedHashMap<>();
        subscales.forEach(s -> chartSubscales.put(s, new ArrayList<>()));
        List<Map<String, Object>> markers = new ArrayList<>();
        for (int n : numbers) {
            Point p = points.get(n);
            Instant date = p != null ? p.occurredAt() : sessionDates.get(n);
            Double total = p == null ? null : p.total();
            List<String> subscaleValues = new ArrayList<>();
            for (String s : subscales) {
                Double value = p == null || p.subscales() == null ? null : p.subscales().get(s);
                subscaleValues.add(text(value));
                if (value != null) {
                    chartSubscales.get(s).add(Map.of("x", n, "y", value));
                }
            }
            List<String> here = new ArrayList<>(events.getOrDefault(n, List.of()));
            PerspectiveService.SessionSides side = bySession.get(n);
            if (side != null && side.event()) {
                here.add(EventTypes.PERSPECTIVE_GAP);
            }
            if (side != null && side.predicted() != null) {
                predictedPoints.add(Map.of("x", n, "y", side.predicted()));
            }
            if (side != null && side.own() != null) {
                ownPoints.add(Map.of("x", n, "y", side.own()));
            }
            if (date == null && side != null) {
                date = side.occurredAt();
            }
            rows.add(new Row(n, date, total, subscaleValues, here,
                    text(side == null ? null : side.predicted()), text(side == null ? null : side.own()),
                    signed(side == null ? null : side.gap())));
            if (total != null) {
                chartPoints.add(Map.of("x", n, "y", total));
                for (String type : here) {
                    if (RUPTURES.contains(type) || "repair".equals(type)) {
                        markers.add(Map.of("x", n, "y", total, "type", type));
                    }
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", trend.questionnaireId());
        data.put("title", definition == null ? trend.questionnaireId() : definition.title());
        if (definition != null) {
            data.put("min", definition.totalMin().doubleValue());
            data.put("max", definition.totalMax().doubleValue());
        }
        data.put("cutoff", cutoff);
        data.put("mean", trend.mean());
        data.put("sd", trend.sd());
        data.put("slope", trend.slope());
        data.put("intercept", intercept(trend.points(), trend.slope()));
        data.put("points", chartPoints);
        data.put("subscales", chartSubscales);
        data.put("markers", markers);
        data.put("predicted", predictedPoints);
        data.put("own", ownPoints);
        List<Explained> explained = allEvents.stream()
                .sorted(java.util.Comparator.comparingInt(TrendEvent::sessionNumber))
                .map(e -> new Explained(e.sessionNumber(), e.type(), String.valueOf(e.detail().getOrDefault(
                        "explanation", e.type())), source(e)))
                .toList();
        return new ChartView(trend.questionnaireId(), instrument.version(),
                definition == null ? trend.questionnaireId() : definition.title(), cutoff, trend.mean(), trend.sd(),
                trend.slope(), trend.slopeCi95(), subscales, rows, write(json, data), explained,
                rulesText(instrument), sides != null);
    }

    /** Whether the drop rules run for the total, and on which numbers. */
    private static String rulesText(InstrumentTrend instrument) {
        if (instrument.constants() == null) {
            return "";
        }
        return instrument.constants().stream().filter(c -> QuestionnaireDefinition.TOTAL.equals(c.scale()))
                .findFirst().map(c -> c.errorSd() == null
                        ? Character.toUpperCase(c.status().charAt(0)) + c.status().substring(1)
                        : "Drop rules on: error SD " + format(c.errorSd()) + " ("
                                + ("within-pair-sd".equals(c.errorSdBasis()) ? "session-to-session SD of "
                                        + c.withinSdDetail() : "SEM from " + c.source() + ": " + c.sourceDetail())
                                + ")")
                .orElse("");
    }

    @SuppressWarnings("unchecked")
    private static String source(TrendEvent e) {
        Object constants = e.detail().get("constants");
        if (!(constants instanceof Map<?, ?> m) || m.isEmpty()) {
            return "";
        }
        Map<String, Object> c = (Map<String, Object>) m;
        if (c.containsKey("cutoffSource")) {
            return "Cutoff from the questionnaire file.";
        }
        StringBuilder text = new StringBuilder();
        if (c.get("withinSdDetail") != null) {
            text.append("Session-to-session SD from ").append(c.get("withinSdDetail")).append(". ");
        }
        if (c.get("referenceSdSource") != null) {
            text.append("Reference SD and reliability from ").append(c.get("referenceSdSource")).append(": ")
                    .append(c.get("referenceSdDetail")).append('.');
        }
        return text.toString().strip();
    }

    private static String write(ObjectMapper json, Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise chart data", e);
        }
    }

    /** The OLS line passes through the means, so the slope and the means give the intercept. */
    private static Double intercept(List<Point> points, Double slope) {
        if (slope == null) {
            return null;
        }
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (Point p : points) {
            if (p.total() != null) {
                sx += p.sessionNumber();
                sy += p.total();
                n++;
            }
        }
        return n == 0 ? null : sy / n - slope * sx / n;
    }

    public String cutoffText() {
        return cutoff == null ? "none" : format(cutoff);
    }

    public String meanText() {
        return mean == null ? "—" : format(mean) + (sd == null ? "" : " ± " + format(sd));
    }

    /** The slope in words, with the interval the caseload arrow reads. */
    public String slopeText() {
        if (slope == null) {
            return "not enough scores";
        }
        String text = format(slope) + " per session";
        if (slopeCi95 == null) {
            return text;
        }
        return text + " (95 % CI " + format(slopeCi95.get(0)) + " to " + format(slopeCi95.get(1)) + ")";
    }

    public boolean hasSubscales() {
        return !subscales.isEmpty();
    }

    /** A score as {@link #format}, or a dash for none. */
    static String text(Double value) {
        return value == null ? "—" : format(value);
    }

    /** A gap with its sign, so that "+2" and "-2" read apart; a dash for none. */
    static String signed(Double value) {
        return value == null ? "—" : (value > 0 ? "+" : "") + format(value);
    }

    /** Two decimals at most, as scores are published. */
    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
