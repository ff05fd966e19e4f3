package io.rapport.security;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Masks client data and credentials in every log record before a handler writes it: e-mail addresses, API keys,
 * SMART access tokens, JWTs, form-link tokens, and the row values PostgreSQL, Hibernate and Jackson quote in their errors. Our
 * own log
 * lines carry ids only; this catches what libraries echo back, including the messages of logged exceptions.
 */
@LoggingFilter(name = ClientDataLogFilter.NAME)
public final class ClientDataLogFilter implements Filter {

    public static final String NAME = "client-data";
    static final String MASK = "***";

    private record Rule(Pattern pattern, String replacement) {
        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
                    MASK + "@" + MASK),
            new Rule(Pattern.compile("rpk_[A-Za-z0-9_-]+"), "rpk_" + MASK),
            new Rule(Pattern.compile("rsat_[A-Za-z0-9_-]+"), "rsat_" + MASK),
            new Rule(Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"), "[jwt " + MASK + "]"),
            new Rule(Pattern.compile("(/(?:f|api/v1/forms)/)[A-Za-z0-9_-]{16,}"), "$1" + MASK),
            // PostgreSQL: "Key (org, email)=(…, a@b) already exists", "Failing row contains (…)".
            new Rule(Pattern.compile("(Key \\([^)]*\\)=\\().*?(\\)(?: already exists| is not present| conflicts))"),
                    "$1" + MASK + "$2"),
            new Rule(Pattern.compile("(Failing row contains \\().*"), "$1" + MASK + ")"),
            // Hibernate's bind logging and Jackson's echo of a rejected value.
            new Rule(Pattern.compile("(binding parameter .*?<- )\\[.*\\]"), "$1[" + MASK + "]"),
            new Rule(Pattern.compile("(from String )\"(?:[^\"\\\\]|\\\\.)*\""), "$1\"" + MASK + "\""));

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null) {
                String masked = mask(message);
                if (!masked.equals(message) || ext.getParameters() != null) {
                    ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                    ext.setParameters(null);
                }
            }
        } else if (record.getMessage() != null) {
            record.setMessage(mask(record.getMessage()));
        }
        if (record.getThrown() != null) {
            record.setThrown(MaskedThrowable.of(record.getThrown()));
        }
        return true;
    }

    static String mask(String text) {
        String masked = text;
        for (Rule rule : RULES) {
            masked = rule.apply(masked);
        }
        return masked;
    }

    /** The same class name, stack and cause chain, with masked messages. */
    static final class MaskedThrowable extends Throwable {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        private MaskedThrowable(Throwable original, int depth) {
            super(original.getMessage() == null ? null : mask(original.getMessage()),
                    original.getCause() == null || original.getCause() == original || depth > 20 ? null
                            : of(original.getCause(), depth + 1),
                    false, true);
            this.originalClass = original instanceof MaskedThrowable m ? m.originalClass : original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original) {
            return of(original, 0);
        }

        private static Throwable of(Throwable original, int depth) {
            return original instanceof MaskedThrowable ? original : new MaskedThrowable(original, depth);
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
