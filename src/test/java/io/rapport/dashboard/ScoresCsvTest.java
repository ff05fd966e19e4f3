package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoresCsvTest {

    @Test
    void shouldPrefixEveryCellASpreadsheetWouldReadAsAFormula() {
        assertThat(ScoresCsv.cell("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(ScoresCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(ScoresCsv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(ScoresCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ScoresCsv.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(ScoresCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void shouldQuoteEveryCellAndDoubleEmbeddedQuotes() {
        assertThat(ScoresCsv.cell("Ada \"the\" first, b")).isEqualTo("\"Ada \"\"the\"\" first, b\"");
        assertThat(ScoresCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(ScoresCsv.cell(null)).isEqualTo("\"\"");
        assertThat(ScoresCsv.cell("37.2")).isEqualTo("\"37.2\"");
    }
}
