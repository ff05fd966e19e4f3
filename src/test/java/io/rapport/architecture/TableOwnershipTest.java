package io.rapport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each table has one owner, the room of its entity (or, for a table without one, the only room that inserts into
 * it), and SQL naming a table lives in its owner's room. Other rooms ask through a Java port; only classes marked
 * {@code @ReadModel} may read other rooms' tables, and never write them. Read from the sources, because SQL is in
 * string literals that the class files keep only as constants.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/io/rapport");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(name\\s*=\\s*\"(\\w+)\"");
    private static final Pattern CLASS_NAME = Pattern.compile("\\bclass\\s+(\\w+)");

    /** One source file: its room (package below {@code io.rapport}) and text. */
    record Source(String file, String room, String text) {

        boolean readModel() {
            return text.contains("@ReadModel(");
        }

        boolean queries() {
            return text.contains("createNativeQuery(") || text.contains("createQuery(");
        }

        String sql() {
            StringBuilder sql = new StringBuilder();
            Matcher blocks = TEXT_BLOCK.matcher(text);
            while (blocks.find()) {
                sql.append(' ').append(blocks.group(1));
            }
            Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(text).replaceAll(""));
            while (strings.find()) {
                sql.append(' ').append(strings.group(1));
            }
            return sql.toString().replaceAll("\\s+", " ");
        }
    }

    @Test
    void shouldKeepEveryTablesSqlInTheRoomThatOwnsItOrInAReadModel() {
        List<Source> sources = sources();
        Map<String, String> owners = owners(sources);
        assertThat(owners).as("tables found").containsKeys("session", "assignment", "response", "outbox", "alert");
        assertThat(violations(sources, owners)).isEmpty();
    }

    @Test
    void shouldReportSqlOnAnotherRoomsTableAndAReadModelThatWrites() {
        List<Source> fixture = List.of(
                new Source("care/TherapySession.java", "care",
                        "@Entity @Table(name = \"session\") class TherapySession {}"),
                new Source("alert/Scan.java", "alert",
                        "class Scan { void x() { em.createNativeQuery(\"select id from session where a = 1\"); } }"),
                new Source("dashboard/Page.java", "dashboard", "@ReadModel(\"one statement\") class Page {"
                        + " void x() { em.createNativeQuery(\"\"\"\n select s.id\n from session s\n \"\"\"); } }"),
                new Source("dashboard/Writer.java", "dashboard", "@ReadModel(\"no\") class Writer {"
                        + " void x() { em.createNativeQuery(\"update session set x = 1\"); } }"),
                new Source("care/Own.java", "care",
                        "class Own { void x() { em.createNativeQuery(\"delete from session\"); } }"));
        Map<String, String> owners = owners(fixture);
        assertThat(owners).containsEntry("session", "care");
        assertThat(violations(fixture, owners)).containsExactly(
                "alert/Scan.java names session, owned by care", "dashboard/Writer.java writes session, owned by care");
    }

    private static List<String> violations(List<Source> sources, Map<String, String> owners) {
        List<String> violations = new ArrayList<>();
        for (Source source : sources) {
            if (!source.queries()) {
                continue;
            }
            String sql = source.sql();
            for (Map.Entry<String, String> table : owners.entrySet()) {
                String owner = table.getValue();
                if (sameRoom(source.room(), owner)) {
                    continue;
                }
                String name = Pattern.quote(table.getKey());
                boolean writes = Pattern.compile("(?i)\\b(update|insert into|delete from)\\s+" + name + "\\b")
                        .matcher(sql).find();
                boolean names = writes || Pattern.compile("(?i)\\b(from|join)\\s+" + name + "\\b").matcher(sql).find();
                if (writes && source.readModel()) {
                    violations.add(source.file() + " writes " + table.getKey() + ", owned by " + owner);
                } else if (names && !source.readModel()) {
                    violations.add(source.file() + " names " + table.getKey() + ", owned by " + owner);
                }
            }
        }
        return violations;
    }

    /** The room of each table's entity; for a table without one, the only room that inserts into it. */
    private static Map<String, String> owners(List<Source> sources) {
        Map<String, String> owners = new HashMap<>();
        for (Source source : sources) {
            if (source.text().contains("@Entity")) {
                Matcher table = TABLE_ANNOTATION.matcher(source.text());
                Matcher type = CLASS_NAME.matcher(source.text());
                String name = table.find() ? table.group(1)
                        : type.find() ? type.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() : null;
                if (name != null) {
                    owners.put(name, source.room());
                }
            }
        }
        Map<String, Set<String>> inserters = new HashMap<>();
        Pattern insert = Pattern.compile("(?i)\\binsert into (\\w+)");
        for (Source source : sources) {
            Matcher m = insert.matcher(source.sql());
            while (m.find()) {
                inserters.computeIfAbsent(m.group(1).toLowerCase(), t -> new TreeSet<>()).add(source.room());
            }
        }
        inserters.forEach((table, rooms) -> {
            if (!owners.containsKey(table)) {
                assertThat(rooms).as("rooms inserting into %s, which has no entity", table).hasSize(1);
                owners.put(table, rooms.iterator().next());
            }
        });
        return owners;
    }

    /** A room and the rooms inside it are one owner ({@code alert} and {@code alert.webhook}). */
    private static boolean sameRoom(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    String relative = MAIN.relativize(f).toString().replace('\\', '/');
                    String room = relative.contains("/")
                            ? relative.substring(0, relative.lastIndexOf('/')).replace('/', '.')
                            : "";
                    return new Source(relative, room, Files.readString(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
