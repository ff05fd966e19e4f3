package io.rapport.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.rapport.insight.InsightStatistics.MeanCi;
import io.rapport.insight.InsightViews.EmpathyAlliance;
import io.rapport.insight.InsightViews.Figures;
import io.rapport.insight.InsightViews.MonthFigures;
import io.rapport.insight.InsightViews.ReliabilityInsight;
import io.rapport.insight.InsightViews.TherapistComparison;
import io.rapport.insight.InsightViews.TherapistRow;

/**
 * The insight tables as CSV ({@link Csv}), plain numbers for a spreadsheet. A suppressed cell (fewer clients than
 * the minimum) has {@code suppressed} true and every figure empty, so nothing leaks through a small cell.
 */
final class InsightCsv {

    static final List<String> FIGURES = List.of("cell", "suppressed", "clients", "sessions", "assignments_sent",
            "completed", "expired", "cancelled", "open", "response_rate", "median_hours_to_answer", "pairs",
            "first_mean", "first_lower95", "first_upper95", "first_n", "latest_mean", "latest_lower95",
            "latest_upper95", "latest_n", "beyond_cutoff_share", "ruptures", "ruptures_per_100_scored_sessions",
            "repaired", "repaired_share", "open_unrepaired");

    private InsightCsv() {
    }

    static String figures(List<String> names, List<Figures> cells) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(FIGURES);
        for (int i = 0; i < cells.size(); i++) {
            rows.add(figureRow(names.get(i), cells.get(i)));
        }
        return Csv.write(rows);
    }

    static final List<String> EMPATHY_ALLIANCE = List.of("cell", "empathy_questionnaire", "alliance_questionnaire",
            "suppressed", "n_pairs", "r", "lower95", "upper95");

    /** Each cell's correlations of empathy with later alliance, the cells in the order of {@code names}. */
    static String empathyAlliance(List<String> names, List<List<EmpathyAlliance>> cells) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(EMPATHY_ALLIANCE);
        for (int i = 0; i < cells.size(); i++) {
            for (EmpathyAlliance e : cells.get(i)) {
                boolean s = e.suppressed();
                rows.add(List.of(names.get(i), e.empathyQuestionnaireId(), e.allianceQuestionnaireId(),
                        String.valueOf(s), s ? "" : num(e.n()), s ? "" : num(e.r()), s ? "" : num(e.lower95()),
                        s ? "" : num(e.upper95())));
            }
        }
        return Csv.write(rows);
    }

    static String therapists(TherapistComparison c) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("therapist_id", "compared", "rank", "shrunken_latest"));
        header.addAll(FIGURES);
        rows.add(header);
        for (TherapistRow r : c.therapists()) {
            List<String> row = new ArrayList<>(List.of(r.figures().therapistId(), String.valueOf(r.compared()),
                    r.rank() == null ? "" : r.rank().toString(), num(r.shrunkenLatest())));
            row.addAll(figureRow(r.figures().name(), r.figures()));
            rows.add(row);
        }
        return Csv.write(rows);
    }

    static String monthly(List<MonthFigures> months) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("month", "suppressed", "responses", "mean", "lower95", "upper95"));
        for (MonthFigures m : months) {
            boolean s = m.suppressed();
            rows.add(List.of(m.month().toString().substring(0, 7), String.valueOf(s), s ? "" : num(m.responses()),
                    s || m.mean() == null ? "" : num(m.mean().mean()), s || m.mean() == null ? "" : num(m.mean().lower95()),
                    s || m.mean() == null ? "" : num(m.mean().upper95())));
        }
        return Csv.write(rows);
    }

    static final List<String> RELIABILITY = List.of("version", "suppressed", "scale", "n", "items", "alpha",
            "lower95", "upper95", "flagged", "ceiling_share", "floor_share", "item_rest", "n_candour_line",
            "ceiling_share_candour_line", "n_no_candour_line", "ceiling_share_no_candour_line");

    static String reliability(ReliabilityInsight r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(RELIABILITY);
        for (var v : r.versions()) {
            if (v.suppressed()) {
                List<String> row = new ArrayList<>(List.of(v.version(), "true"));
                row.addAll(Collections.nCopies(RELIABILITY.size() - row.size(), ""));
                rows.add(row);
                continue;
            }
            for (var s : v.scales()) {
                var c = s.ceilingByCandour();
                rows.add(List.of(v.version(), "false", s.scale(), num(v.n()), String.valueOf(s.items()),
                        num(s.alpha()), num(s.lower95()), num(s.upper95()), String.valueOf(s.flagged()),
                        num(s.ceilingShare()), num(s.floorShare()), String.join(" ", s.itemRest().stream()
                                .map(i -> i.item() + "=" + num(i.correlation())).toList()),
                        String.valueOf(c.withLine()), num(c.shareWithLine()), String.valueOf(c.withoutLine()),
                        num(c.shareWithoutLine())));
            }
        }
        return Csv.write(rows);
    }

    private static List<String> figureRow(String name, Figures f) {
        List<String> row = new ArrayList<>();
        row.add(name == null ? "" : name);
        row.add(String.valueOf(f.suppressed()));
        if (f.suppressed()) {
            while (row.size() < FIGURES.size()) {
                row.add("");
            }
            return row;
        }
        row.addAll(List.of(num(f.clients()), num(f.sessions()), num(f.assignmentsSent()), num(f.completed()),
                num(f.expired()), num(f.cancelled()), num(f.open()), num(f.responseRate()),
                num(f.medianHoursToAnswer()), num(f.pairs())));
        mean(row, f.firstAlliance());
        mean(row, f.latestAlliance());
        row.addAll(List.of(num(f.beyondCutoffShare()), num(f.ruptures()), num(f.rupturesPer100ScoredSessions()),
                num(f.repaired()), num(f.repairedShare()), num(f.openUnrepaired())));
        return row;
    }

    private static void mean(List<String> row, MeanCi m) {
        row.addAll(m == null ? List.of("", "", "", "")
                : List.of(num(m.mean()), num(m.lower95()), num(m.upper95()), Long.toString(m.n())));
    }

    private static String num(Number value) {
        if (value == null) {
            return "";
        }
        return value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value.toString();
    }
}
