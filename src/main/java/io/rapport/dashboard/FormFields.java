package io.rapport.dashboard;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * Fields of the settings forms as typed: kept as text so that a refused form comes back as it was sent, read into
 * numbers only for the request.
 */
final class FormFields {

    private FormFields() {
    }

    /** A field as typed, without surrounding white space; absent is empty. */
    static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /** A whole number, or null when the field is empty or, with {@code problem} put in errors, not a number. */
    static Integer wholeNumber(String field, String value, String problem, Map<String, String> errors) {
        return parsed(field, value, Integer::valueOf, problem, errors);
    }

    /** A decimal, with a comma taken as the decimal point, or null as {@link #wholeNumber}. */
    static BigDecimal decimal(String field, String value, String problem, Map<String, String> errors) {
        return parsed(field, value, v -> new BigDecimal(v.replace(',', '.')), problem, errors);
    }

    private static <T> T parsed(String field, String value, Function<String, T> parse, String problem,
            Map<String, String> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            errors.put(field, problem);
            return null;
        }
    }
}
