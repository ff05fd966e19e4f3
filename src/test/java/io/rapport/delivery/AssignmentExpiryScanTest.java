package io.rapport.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.QueryPlans;
import io.rapport.TestDatabase;

/**
 * The expiry scan runs every minute over a table that only grows, so it must find due assignments through an
 * index, never by reading the table.
 */
@QuarkusTest
class AssignmentExpiryScanTest {

    @Test
    void shouldFindDueAssignmentsThroughAnIndex() throws Exception {
        try (Connection db = TestDatabase.owner().getConnection(); Statement st = db.createStatement()) {
            db.setAutoCommit(false);
            // Where an index can serve the query, the planner must take it. An index scan without a condition on
            // the expiry (a whole index read in another order) would be no better than reading the table.
            st.execute("set local enable_seqscan = off");
            assertThat(assignmentScans(st)).isNotEmpty().allMatch(scan -> scan.contains("expires_at"));

            // The same question without the index reads everything: the check above can fail.
            st.execute("drop index assignment_open_expiry_idx");
            assertThat(assignmentScans(st)).noneMatch(scan -> scan.contains("expires_at"));
            db.rollback();
        }
    }

    private static List<String> assignmentScans(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("explain (format json) " + AssignmentExpiry.DUE)) {
            return QueryPlans.nodes(rs).stream()
                    .filter(node -> "assignment".equals(node.path("Relation Name").asText()))
                    .map(AssignmentExpiryScanTest::describe).toList();
        }
    }

    // A bitmap heap scan names no index itself: the bitmap index scans under it do.
    private static String describe(JsonNode node) {
        StringBuilder scan = new StringBuilder(node.get("Node Type").asText()).append(' ')
                .append(node.path("Index Name").asText()).append(' ').append(node.path("Index Cond").asText());
        for (JsonNode child : node.path("Plans")) {
            scan.append(" / ").append(describe(child));
        }
        return scan.toString();
    }
}
