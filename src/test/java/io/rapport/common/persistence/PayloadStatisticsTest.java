package io.rapport.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * ANALYZE skips the payload columns that no query filters on (V38): sampling the responses' jsonb made each
 * autovacuum analyze of response cost about a second of database CPU.
 */
@QuarkusTest
class PayloadStatisticsTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldCollectNoStatisticsOnPayloadColumnsButKeepThemOnFilteredOnes() throws Exception {
        Map<String, Integer> targets = new HashMap<>();
        try (var c = dataSource.getConnection();
                var q = c.prepareStatement("""
                        select c.relname || '.' || a.attname, coalesce(a.attstattarget, -1)
                        from pg_attribute a join pg_class c on c.oid = a.attrelid
                        where c.relname in ('response', 'audit_event', 'outbox') and a.attnum > 0 and not a.attisdropped""");
                var rows = q.executeQuery()) {
            while (rows.next()) {
                targets.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertThat(targets).containsEntry("response.answers", 0).containsEntry("response.score", 0)
                .containsEntry("response.quality_flags", 0).containsEntry("audit_event.hash", 0)
                .containsEntry("audit_event.prev_hash", 0).containsEntry("outbox.data", 0);
        // The default target (-1) where queries filter, join or sort.
        assertThat(targets).containsEntry("response.total", -1).containsEntry("response.pair_id", -1)
                .containsEntry("audit_event.chain", -1).containsEntry("outbox.type", -1);
    }
}
