package io.rapport.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/** A log handler that keeps each record as one line: message, parameters and stack trace. */
public final class LogCapture extends Handler {

    private final List<String> lines;

    public LogCapture(List<String> lines) {
        this.lines = lines;
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record instanceof ExtLogRecord ext
                ? String.valueOf(ext.getFormattedMessage())
                : String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                line.append(' ').append(p);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
