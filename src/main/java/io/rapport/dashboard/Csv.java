package io.rapport.dashboard;

import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * CSV exports (RFC 4180, every cell quoted, CRLF) written by Jackson's CSV module. Cells a spreadsheet would read
 * as a formula get a leading apostrophe, so a client named {@code =HYPERLINK(...)} stays text when the file is
 * opened: Jackson quotes, it does not guard against that.
 */
final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS).build();
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-\\d+(\\.\\d+)?");
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private Csv() {
    }

    /** The rows, the header first; a null cell is empty. */
    static String write(List<List<String>> rows) {
        List<List<String>> guarded = rows.stream().map(r -> r.stream().map(Csv::guard).toList()).toList();
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(guarded);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain negative number stays a number; anything else starting like a formula is made text. */
    static String guard(String value) {
        String v = value == null ? "" : value;
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches() ? "'" + v : v;
    }
}
