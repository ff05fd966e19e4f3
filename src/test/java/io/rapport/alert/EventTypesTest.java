package io.rapport.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.TestDatabase;
import io.rapport.trend.EventType;

/** The one enum of alert types, and the event types derived from it, match what the schema accepts. */
@QuarkusTest
class EventTypesTest {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    @Test
    void shouldMatchTheAlertTypeCheckConstraint() throws Exception {
        Set<String> codes = new TreeSet<>(Arrays.stream(EventType.values()).map(EventType::code).toList());
        assertThat(allowed("alert", "type")).isEqualTo(codes);
        assertThat(new TreeSet<>(Alerts.TYPES)).isEqualTo(codes);
    }

    @Test
    void shouldMatchTheOutboxTypeCheckConstraint() throws Exception {
        assertThat(allowed("outbox", "type")).isEqualTo(new TreeSet<>(EventTypes.ALL));
    }

    /** The quoted values of the table's CHECK constraint on the column, read from the live schema. */
    private static Set<String> allowed(String table, String column) throws Exception {
        try (Connection db = TestDatabase.owner().getConnection();
                PreparedStatement query = db.prepareStatement("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c"
                        + " JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = ? AND c.contype = 'c'"
                        // The column's own constraint first: others may name the column too (outbox_pair_unless_test).
                        + " ORDER BY c.conname <> t.relname || '_' || ? || '_check', c.oid")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String definition = rows.getString(1);
                    if (definition.contains("(" + column + ")") || definition.contains("(" + column + " ")
                            || definition.contains("((" + column + ")")) {
                        Set<String> values = new TreeSet<>();
                        Matcher m = QUOTED.matcher(definition);
                        while (m.find()) {
                            values.add(m.group(1));
                        }
                        return values;
                    }
                }
            }
        }
        throw new AssertionError("no CHECK constraint on " + table + "." + column);
    }
}
