package io.rapport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.QueryPlans;
import io.rapport.TestDatabase;

/**
 * Every audited request reads its chain's head, so that read must not grow with the trail: the plan may touch
 * one row, however long the chain.
 */
@QuarkusTest
class AuditChainHeadTest {

    private static final int ROWS_PER_CHAIN = 2_000;

    @Test
    void shouldReadTheHeadOfALongChainWithoutReadingTheChain() throws Exception {
        UUID org = UUID.randomUUID();
        try (Connection db = TestDatabase.owner().getConnection(); Statement st = db.createStatement()) {
            // Rolled back at the end: other tests verify chains, and these synthetic rows are not linked.
            db.setAutoCommit(false);
            st.executeUpdate("insert into organization (id, slug, name) values ('" + org + "', 'head-"
                    + org.toString().substring(0, 8) + "', 'Long trail')");
            // Only the shape of the trail matters to the plan: each chain asked about is followed by a long run of
            // another chain's rows, which a read that is not by chain has to step over.
            st.executeUpdate("insert into audit_event (id, organization_id, occurred_at, actor, action, route,"
                    + " object_type, outcome, prev_hash, hash, chain) select gen_random_uuid(), '" + org + "', now(),"
                    + " 'test', 'read', '/x', 'pair', 'allowed', 'p', md5(i::text), (case when i <= " + ROWS_PER_CHAIN
                    + " then 1 else 0 end)::smallint from generate_series(1, " + 2 * ROWS_PER_CHAIN + ") i");
            st.executeUpdate("insert into audit_event (id, organization_id, occurred_at, actor, action, route,"
                    + " object_type, outcome, prev_hash, hash, chain) select gen_random_uuid(), null, now(),"
                    + " 'test', 'read', '/x', 'operator', 'allowed', 'p', md5(i::text),"
                    + " (case when i <= " + ROWS_PER_CHAIN + " then 15 else 14 end)::smallint"
                    + " from generate_series(1, " + 2 * ROWS_PER_CHAIN + ") i");
            st.execute("analyze audit_event");
            // The plan must then come from an index that yields a chain's head first, whatever the statistics of
            // this synthetic trail make the planner guess about reading the whole trail backwards instead.
            st.execute("alter table audit_event drop constraint audit_event_pkey");
            st.execute("drop index audit_event_org_idx");
            st.execute("set local enable_seqscan = off");
            st.execute("set local enable_bitmapscan = off");
            st.execute("set local enable_sort = off");

            assertThat(rowsRead(db, "EXPLAIN (ANALYZE, FORMAT JSON) " + AuditLog.LAST, 1, org))
                    .as("rows each plan node produced").allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(1));
            assertThat(rowsRead(db, "EXPLAIN (ANALYZE, FORMAT JSON) " + AuditLog.LAST_OPERATOR, 15, null))
                    .as("rows each plan node produced").allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(1));
            assertThat(head(db, AuditLog.LAST, 1, org)).isEqualTo(md5(ROWS_PER_CHAIN));

            // Without those indexes the same reads go through whole chains: the checks above can fail.
            st.execute("drop index audit_event_chain_idx");
            st.execute("drop index audit_event_operator_chain_idx");
            assertThat(rowsRead(db, "EXPLAIN (ANALYZE, FORMAT JSON) " + AuditLog.LAST, 1, org))
                    .anySatisfy(rows -> assertThat(rows).isGreaterThanOrEqualTo(ROWS_PER_CHAIN));
            assertThat(rowsRead(db, "EXPLAIN (ANALYZE, FORMAT JSON) " + AuditLog.LAST_OPERATOR, 15, null))
                    .anySatisfy(rows -> assertThat(rows).isGreaterThanOrEqualTo(ROWS_PER_CHAIN));
            db.rollback();
        }
    }

    private static List<Long> rowsRead(Connection db, String sql, int chain, UUID org) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setShort(1, (short) chain);
            if (org != null) {
                q.setObject(2, org);
            }
            try (ResultSet rs = q.executeQuery()) {
                return QueryPlans.nodes(rs).stream()
                        .map(node -> node.get("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong())
                        .toList();
            }
        }
    }

    private static String head(Connection db, String sql, int chain, UUID org) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setShort(1, (short) chain);
            q.setObject(2, org);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String md5(int i) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(Integer.toString(i).getBytes());
        return String.format("%032x", new java.math.BigInteger(1, digest));
    }
}
