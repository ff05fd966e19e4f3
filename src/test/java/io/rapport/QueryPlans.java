package io.rapport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The nodes of a PostgreSQL {@code EXPLAIN (FORMAT JSON)} plan, for tests that check how a query is answered. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** Every node of the plan in the result set's first row, each before its children. */
    public static List<JsonNode> nodes(ResultSet explained) throws SQLException, JsonProcessingException {
        explained.next();
        List<JsonNode> nodes = new ArrayList<>();
        collect(new ObjectMapper().readTree(explained.getString(1)).get(0).get("Plan"), nodes);
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        for (JsonNode child : node.path("Plans")) {
            collect(child, nodes);
        }
    }
}
