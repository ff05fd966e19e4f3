package io.rapport.dashboard;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.rapport.insight.AccuracyInsights;
import io.rapport.insight.InsightService;
import io.rapport.insight.InsightStatistics.MeanCi;
import io.rapport.insight.InsightViews.EmpathyAlliance;
import io.rapport.insight.InsightViews.Figures;
import io.rapport.insight.InsightViews.MonthFigures;
import io.rapport.insight.InsightViews.ReliabilityInsight;
import io.rapport.insight.InsightViews.TherapistComparison;
import io.rapport.insight.InsightViews.TherapistRow;

/**
 * The insight pages' tables, formatted, and the numbers their charts draw (the same ones, as JSON in a
 * {@code data-chart} attribute). A withheld figure reads "suppressed" or "—", never 0.
 */
final class InsightPages {

    static final String SUPPRESSED = "suppressed (fewer clients than the minimum)";
    /** A cell withheld so that the small ones beside it cannot be worked out from the total. */
    static final String WITHHELD_BESIDE = "suppressed (would let a smaller cell be worked out from the total)";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private InsightPages() {
    }

    /** One figure of a cell: what it is, and its value for each column (organization, or therapist and it). */
    record FigureLine(String label, List<String> values) {
    }

    record TherapistLine(String therapistId, String name, String rank, String pairs, String clients,
            String responseRate, String latest, String shrunken, String ruptures, String note) {
    }

    record MonthLine(String month, List<String> values) {
    }

    /** One empathy instrument's correlation with the later alliance, for each column. */
    record CorrelationLine(String empathy, List<String> values) {
    }

    /** {@code candour}: the ceiling share with the candour line against without it, each of its N. */
    record ReliabilityLine(String version, String scale, String n, String alpha, String flag, String ceiling,
            String floor, String itemRest, String candour) {
    }

    /** The figures of one or more cells side by side, in the order of {@code cells}. */
    static List<FigureLine> figures(List<Figures> cells) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Figures f : cells) {
            boolean s = f.suppressed();
            add(lines, "Clients", s ? SUPPRESSED : n(f.clients()));
            add(lines, "Sessions", s ? "—" : n(f.sessions()));
            add(lines, "Assignments sent", s ? "—" : n(f.assignmentsSent()));
            add(lines, "Completed / expired / cancelled / open", s ? "—"
                    : n(f.completed()) + " / " + n(f.expired()) + " / " + n(f.cancelled()) + " / " + n(f.open()));
            add(lines, "Response rate", s ? "—" : percent(f.responseRate()));
            add(lines, "Median hours to answer", s ? "—" : d(f.medianHoursToAnswer(), 1));
            add(lines, "Pairs with a scored total", s ? "—" : n(f.pairs()));
            add(lines, "Mean at the first scored session [95% CI]", s ? "—" : meanCi(f.firstAlliance()));
            add(lines, "Mean at the latest scored session [95% CI]", s ? "—" : meanCi(f.latestAlliance()));
            add(lines, "Pairs beyond the cutoff now", s ? "—" : percent(f.beyondCutoffShare()));
            add(lines, "Ruptures per 100 scored sessions", s ? "—" : d(f.rupturesPer100ScoredSessions(), 1));
            add(lines, "Ruptures repaired within the window", s ? "—"
                    : percent(f.repairedShare()) + " (" + n(f.repaired()) + " of " + n(f.ruptures()) + ")");
            add(lines, "Open unrepaired ruptures", s ? "—" : n(f.openUnrepaired()));
        }
        return lines.entrySet().stream().map(e -> new FigureLine(e.getKey(), e.getValue())).toList();
    }

    static List<String> notes(List<Figures> cells) {
        return cells.stream().flatMap(f -> f.notes() == null ? java.util.stream.Stream.empty() : f.notes().stream())
                .distinct().toList();
    }

    /**
     * A line per empathy instrument any column has, the columns in the order of {@code columns}; a column without
     * that instrument had no pair with both.
     */
    /** A cell of empathic accuracy: its pairs, mean absolute and mean signed gap with their 95 % intervals. */
    static InsightPageResource.AccuracyLine accuracy(String label, AccuracyInsights.Row r) {
        if (r.suppressed()) {
            return new InsightPageResource.AccuracyLine(label, "—", "—", "—", r.note());
        }
        return new InsightPageResource.AccuracyLine(label, r.pairs() + " (" + r.sessions() + " sessions)",
                gap(r.meanAbsolute(), r.absoluteCi95()), gap(r.meanSigned(), r.signedCi95()), null);
    }

    private static String gap(Double mean, List<Double> ci) {
        if (mean == null) {
            return "—";
        }
        return d(mean, 2) + (ci == null ? " (no interval below 2 pairs)"
                : " [" + d(ci.get(0), 2) + ", "
                        + d(ci.get(1), 2) + "]");
    }

    static List<CorrelationLine> empathyAlliance(List<List<EmpathyAlliance>> columns) {
        Set<String> ids = new TreeSet<>();
        columns.forEach(c -> c.forEach(e -> ids.add(e.empathyQuestionnaireId())));
        List<CorrelationLine> lines = new ArrayList<>();
        for (String id : ids) {
            List<String> values = new ArrayList<>();
            for (List<EmpathyAlliance> column : columns) {
                values.add(column.stream().filter(e -> e.empathyQuestionnaireId().equals(id)).findFirst()
                        .map(InsightPages::correlation).orElse("no pair with both"));
            }
            lines.add(new CorrelationLine(id, values));
        }
        return lines;
    }

    static List<String> empathyAllianceNotes(List<List<EmpathyAlliance>> columns) {
        return columns.stream().flatMap(List::stream).flatMap(e -> e.notes().stream()).distinct().toList();
    }

    /** "r 0.42 [0.10, 0.66], N 30"; without an interval or an r, says so. */
    static String correlation(EmpathyAlliance e) {
        if (e.suppressed()) {
            return SUPPRESSED;
        }
        if (e.r() == null) {
            return "no r, N " + e.n();
        }
        String ci = e.lower95() == null ? "no interval" : d(e.lower95(), 2) + ", " + d(e.upper95(), 2);
        return "r " + d(e.r(), 2) + " [" + ci + "], N " + e.n();
    }

    static List<TherapistLine> therapists(TherapistComparison c) {
        List<TherapistLine> lines = new ArrayList<>();
        for (TherapistRow r : c.therapists()) {
            Figures f = r.figures();
            String note = f.suppressed() ? suppressedNote(f)
                    : r.compared() ? "" : "not compared: fewer than " + c.minPairs() + " pairs with a scored total";
            lines.add(new TherapistLine(f.therapistId(), f.name() == null ? f.therapistId() : f.name(),
                    r.rank() == null ? "—" : r.rank().toString(), f.suppressed() ? "—" : n(f.pairs()),
                    f.suppressed() ? "—" : n(f.clients()), f.suppressed() ? "—" : percent(f.responseRate()),
                    r.compared() ? meanCi(f.latestAlliance()) : "—", r.compared() ? d(r.shrunkenLatest(), 2) : "—",
                    f.suppressed() ? "—" : d(f.rupturesPer100ScoredSessions(), 1), note));
        }
        return lines;
    }

    /** The compared therapists' mean latest totals with their intervals and shrunken estimates, for the bars. */
    static Map<String, Object> therapistChart(TherapistComparison c) {
        List<String> labels = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<Double> shrunken = new ArrayList<>();
        for (TherapistRow r : c.therapists()) {
            if (r.compared()) {
                MeanCi m = r.figures().latestAlliance();
                labels.add(r.figures().name() == null ? r.figures().therapistId() : r.figures().name());
                mean.add(m.mean());
                lower.add(m.lower95());
                upper.add(m.upper95());
                shrunken.add(r.shrunkenLatest());
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "ci-bars");
        chart.put("labels", labels);
        chart.put("mean", mean);
        chart.put("lower", lower);
        chart.put("upper", upper);
        chart.put("shrunken", shrunken);
        chart.put("reference", c.organization().suppressed() || c.organization().latestAlliance() == null ? null
                : c.organization().latestAlliance().mean());
        return chart;
    }

    /** The first and latest means of each cell with their intervals, for the bars. */
    static Map<String, Object> firstLatestChart(List<String> names, List<Figures> cells) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Figures f = cells.get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", names.get(i));
            // A cell below the minimum pairs has no means: nulls, which List.of refuses and the chart skips.
            s.put("values", f.suppressed() ? List.of() : Arrays.asList(ci(f.firstAlliance()), ci(f.latestAlliance())));
            series.add(s);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "grouped-ci");
        chart.put("labels", List.of("First scored session", "Latest scored session"));
        chart.put("series", series);
        return chart;
    }

    /** Month by month; each series is one cell's 12 months. */
    static List<MonthLine> months(List<List<MonthFigures>> series) {
        List<MonthLine> lines = new ArrayList<>();
        for (int m = 0; m < series.get(0).size(); m++) {
            List<String> values = new ArrayList<>();
            for (List<MonthFigures> s : series) {
                MonthFigures f = s.get(m);
                values.add(f.suppressed() ? "suppressed"
                        : f.mean() == null ? "—"
                                : meanCi(f.mean()) + ", " + n(f.responses()) + " responses");
            }
            lines.add(new MonthLine(MONTH.format(series.get(0).get(m).month()), values));
        }
        return lines;
    }

    static Map<String, Object> monthlyChart(List<String> names, List<List<MonthFigures>> series) {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", names.get(i));
            s.put("values", series.get(i).stream().map(f -> f.suppressed() || f.mean() == null ? null : ci(f.mean()))
                    .toList());
            sets.add(s);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "monthly");
        chart.put("labels", series.get(0).stream().map(f -> MONTH.format(f.month())).toList());
        chart.put("series", sets);
        return chart;
    }

    static List<ReliabilityLine> reliability(ReliabilityInsight r) {
        List<ReliabilityLine> lines = new ArrayList<>();
        for (var v : r.versions()) {
            if (v.suppressed()) {
                lines.add(new ReliabilityLine(v.version(), "all", "—", "—", SUPPRESSED, "—", "—", "—", "—"));
                continue;
            }
            for (var s : v.scales()) {
                String alpha = s.alpha() == null ? "—"
                        : d(s.alpha(), 2) + " [" + d(s.lower95(), 2) + ", " + d(s.upper95(), 2) + "]";
                String itemRest = String.join(", ", s.itemRest().stream()
                        .map(i -> i.item() + ": " + d(i.correlation(), 2)).toList());
                String flag = s.flagged() ? "interval below " + d(r.alphaFloor(), 2)
                        : s.notes() == null || s.notes().isEmpty() ? "" : String.join("; ", s.notes());
                var c = s.ceilingByCandour();
                String candour = c.withLine() == 0 ? "no response with the line"
                        : share(c.shareWithLine(), c.withLine()) + " of " + c.withLine() + " with, "
                                + share(c.shareWithoutLine(), c.withoutLine()) + " of " + c.withoutLine() + " without";
                lines.add(new ReliabilityLine(v.version(), s.scale(), n(v.n()), alpha, flag, percent(s.ceilingShare()),
                        percent(s.floorShare()), itemRest, candour));
            }
        }
        return lines;
    }

    private static Map<String, Double> ci(MeanCi m) {
        if (m == null) {
            return null;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("mean", m.mean());
        v.put("lower", m.lower95());
        v.put("upper", m.upper95());
        return v;
    }

    private static void add(Map<String, List<String>> lines, String label, String value) {
        lines.computeIfAbsent(label, k -> new ArrayList<>()).add(value);
    }

    static String meanCi(MeanCi m) {
        if (m == null) {
            return "—";
        }
        String ci = m.lower95() == null ? "no interval" : d(m.lower95(), 2) + ", " + d(m.upper95(), 2);
        return d(m.mean(), 2) + " [" + ci + "], N " + m.n();
    }

    static String n(Long value) {
        return value == null ? "—" : value.toString();
    }

    static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String d(Double value, int places) {
        return value == null ? "—" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** A share of part of a sample: "—" when the part is empty, withheld when it is a small cell. */
    private static String share(Double share, long n) {
        return share != null ? percent(share) : n == 0 ? "—" : SUPPRESSED;
    }

    private static String suppressedNote(Figures f) {
        return f.notes().contains(InsightService.COMPLEMENTARY) ? WITHHELD_BESIDE : SUPPRESSED;
    }
}
