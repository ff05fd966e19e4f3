package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldPrefixEveryCellASpreadsheetWouldReadAsAFormula() {
        assertThat(cell("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(cell("+1")).isEqualTo("\"'+1\"");
        assertThat(cell("-1+1")).isEqualTo("\"'-1+1\"");
        assertThat(cell("-1,5")).isEqualTo("\"'-1,5\"");
        assertThat(cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void shouldQuoteEveryCellAndDoubleEmbeddedQuotes() {
        assertThat(cell("Ada \"the\" first, b")).isEqualTo("\"Ada \"\"the\"\" first, b\"");
        assertThat(cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(cell(null)).isEqualTo("\"\"");
        assertThat(cell("37.2")).isEqualTo("\"37.2\"");
        // A negative number (an alpha or a correlation can be one) is no formula.
        assertThat(cell("-0.1234")).isEqualTo("\"-0.1234\"");
    }

    @Test
    void shouldEndEveryLineWithCrLf() {
        assertThat(Csv.write(List.of(List.of("a", "b"), List.of("1", "")))).isEqualTo("\"a\",\"b\"\r\n\"1\",\"\"\r\n");
    }

    /** One cell alone on its line, without the line's end. */
    private static String cell(String value) {
        String line = Csv.write(List.of(Arrays.asList(value)));
        assertThat(line).endsWith("\r\n");
        return line.substring(0, line.length() - 2);
    }
}
