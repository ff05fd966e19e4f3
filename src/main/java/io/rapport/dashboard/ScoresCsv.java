package io.rapport.dashboard;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A pair's scores as CSV ({@link Csv}). */
final class ScoresCsv {

    static final List<String> HEADER = List.of("session_number", "date", "client", "questionnaire", "version",
            "total", "subscales", "flags");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ScoresCsv() {
    }

    /**
     * One line per scored or flagged session and instrument. {@code responses} maps
     * {@code questionnaire@sessionNumber} to the answered version and the response's quality flags.
     */
    static String write(PairPage page, Map<String, List<String>> responses) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (ChartView chart : page.charts()) {
            for (ChartView.Row row : chart.rows()) {
                List<String> response = responses.getOrDefault(chart.questionnaireId() + "@" + row.sessionNumber(),
                        List.of(chart.version()));
                List<String> subscales = new ArrayList<>();
                for (int i = 0; i < chart.subscales().size(); i++) {
                    subscales.add(chart.subscales().get(i) + "=" + row.subscaleValues().get(i));
                }
                List<String> flags = new ArrayList<>(row.events());
                flags.addAll(response.subList(1, response.size()));
                lines.add(List.of(Integer.toString(row.sessionNumber()),
                        row.occurredAt() == null ? "" : DATE.format(row.occurredAt()), page.client(),
                        chart.questionnaireId(), response.get(0),
                        row.total() == null ? "" : ChartView.format(row.total()), String.join("; ", subscales),
                        String.join(" ", flags)));
            }
        }
        return Csv.write(lines);
    }
}
