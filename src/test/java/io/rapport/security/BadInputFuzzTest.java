package io.rapport.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.alert.Alerts;
import io.rapport.security.apikey.ApiKeyService;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Hostile bodies for every JSON write endpoint of the OpenAPI document: malformed JSON, wrong types, huge strings,
 * deep nesting and Unicode edge cases, on /api/v1, /fhir and /cds-services. Never a 5xx, every 4xx is problem details (on /fhir
 * an
 * OperationOutcome), and a rejected body writes nothing.
 */
@QuarkusTest
class BadInputFuzzTest {

    private static final int BODIES_PER_ENDPOINT = 30;
    private static final String MARK = "\"@@fuzz@@\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every table a write endpoint could touch. */
    private static final List<String> TABLES = List.of("organization", "api_key", "therapist", "client", "pair",
            "session", "assignment", "idempotency_key", "schedule_rule", "assignment_link", "response", "outbox",
            "webhook_endpoint", "alert", "user_account", "published_constants_revision", "published_constant",
            "smart_client", "smart_access_token", "smart_assertion_jti");

    /** Endpoints whose body may be left out: an empty body or {@code null} is then valid input. */
    private static final Set<String> OPTIONAL_BODY = Set.of("POST /api/v1/alerts/{alertId}/acknowledge");

    /** A bad body and whether it must be refused whatever the endpoint (false: it may also be valid input). */
    record Bad(String kind, byte[] body, boolean mustFail) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + ": " + (text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)"
                    : text);
        }
    }

    @Inject
    ApiKeyService apiKeys;
    @Inject
    Alerts alerts;
    @Inject
    DataSource db;

    @TestFactory
    Stream<DynamicTest> shouldRefuseBadBodiesCleanlyOnEveryWriteEndpoint() {
        return jsonWriteEndpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint, () -> {
            // One organization per endpoint keeps each key well under the test profile's rate limit.
            MatrixFixtures fixtures = new MatrixFixtures(apiKeys, alerts);
            String valid = fixtures.validBodyFor(endpoint);
            assertThat(valid).as("a valid body for " + endpoint).isNotNull();
            List<Bad> bodies = badBodies(valid).sampleStream().limit(BODIES_PER_ENDPOINT).toList();
            for (Bad bad : bodies) {
                String before = counts();
                Response response = request(endpoint, fixtures).body(bad.body())
                        .request(endpoint.substring(0, endpoint.indexOf(' ')), path(endpoint, fixtures));
                int status = response.statusCode();
                assertThat(status).as("%s with %s: %s", endpoint, bad, response.asString()).isLessThan(500);
                String text = new String(bad.body(), StandardCharsets.UTF_8).strip();
                boolean absent = OPTIONAL_BODY.contains(endpoint) && (text.isEmpty() || text.equals("null"));
                if (bad.mustFail() && !absent) {
                    assertThat(status).as("%s with %s", endpoint, bad).isGreaterThanOrEqualTo(400);
                }
                if (status >= 400) {
                    // The FHIR facade answers every error with an OperationOutcome instead of problem details.
                    assertThat(response.contentType()).as("%s with %s", endpoint, bad)
                            .startsWith(endpoint.contains(" /fhir/") ? "application/fhir+json"
                                    : "application/problem+json");
                    assertThat(counts()).as("rows after %s with %s", endpoint, bad).isEqualTo(before);
                }
            }
        }));
    }

    private static RequestSpecification request(String endpoint, MatrixFixtures fixtures) {
        RequestSpecification spec = given().contentType(endpoint.contains(" /fhir/")
                ? "application/fhir+json; charset=UTF-8"
                : ContentType.JSON.withCharset(StandardCharsets.UTF_8));
        if (endpoint.equals("POST /api/v1/organizations")) {
            return spec.auth().oauth2(Api.OPERATOR_KEY);
        }
        return endpoint.contains("{token}") ? spec : spec.auth().oauth2(fixtures.admin);
    }

    private static String path(String endpoint, MatrixFixtures fixtures) {
        return endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("/cds-services/{id}", "/cds-services/" + MatrixFixtures.CDS_SERVICE)
                .replace("{token}", fixtures.pendingToken)
                .replace("{alertId}", fixtures.alertId)
                .replace("{externalId}", "fuzz-1").replace("{pairId}", fixtures.pairId)
                .replace("{id}", "session-rating-4")
                .replace("{questionnaireId}", "session-rating-4")
                .replace("{version}", "1.0.0")
                // FHIR writes are conditional updates named by the EHR's id.
                + (endpoint.startsWith("PUT /fhir/") ? "?identifier=fuzz-1" : "");
    }

    static Arbitrary<Bad> badBodies(String valid) {
        JsonNode tree = parse(valid);
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(tree, new ArrayList<>(), paths);
        Arbitrary<List<Object>> anyPath = Arbitraries.of(paths);

        Arbitrary<Bad> malformed = Arbitraries.oneOf(
                Arbitraries.integers().between(1, valid.length() - 1).map(n -> valid.substring(0, n)),
                Arbitraries.of("", "{", "}", "[", "null", "nul", "{\"a\":}", "{,}", "{\"a\":1,}", "{'a':1}",
                        "{\"a\":NaN}", "{\"a\":1} {\"b\":2}", "/* c */ {}", "\u0000", valid + valid, valid + "]"),
                Arbitraries.strings().ofMaxLength(60).map(s -> "{" + s))
                .map(s -> new Bad("malformed", utf8(s), true));
        Arbitrary<Bad> wrongType = Arbitraries.of(JsonNodeFactory.instance.numberNode(-1.5e308),
                JsonNodeFactory.instance.numberNode(Long.MAX_VALUE), JsonNodeFactory.instance.booleanNode(true),
                JsonNodeFactory.instance.arrayNode().add(1).add("x"), JsonNodeFactory.instance.objectNode().put("x", 1),
                JsonNodeFactory.instance.textNode("3"), JsonNodeFactory.instance.numberNode(3.7),
                JsonNodeFactory.instance.nullNode())
                .flatMap(value -> anyPath.map(p -> new Bad("wrong type at " + p, utf8(replace(tree, p, value)),
                        false)));
        Arbitrary<Bad> huge = Arbitraries.of(10_000, 600_000, 1_000_001, 1_100_000)
                .flatMap(size -> anyPath.map(p -> new Bad("huge string (" + size + ") at " + p,
                        utf8(replace(tree, p, JsonNodeFactory.instance.textNode("x".repeat(size)))), false)));
        Arbitrary<Bad> deep = Arbitraries.integers().between(33, 5_000).flatMap(depth -> Arbitraries.of("[", "{\"a\":")
                .map(open -> new Bad("nested " + depth, utf8(nest(open, depth)), true)));
        Arbitrary<Bad> unicode = Arbitraries.of("\\u0000", "a\\u0000b", "\\ud800", "x\\udc00y", "\\u202egnp.exe",
                "\\u202d\\u202e\\u2066", "e\\u0301\\u0301\\u0301\\u0301", "\\ud83d\\ude00\\ud83d\\udc68\\u200d\\ud83d\\udc69",
                "\\ufeff", "\\uffff", "\\u0007\\u001b[31m", "\\u2028\\u2029")
                .flatMap(text -> anyPath.map(p -> new Bad("unicode " + text + " at " + p,
                        utf8(replace(tree, p, JsonNodeFactory.instance.textNode("@@fuzz@@")).replace(MARK,
                                "\"" + text + "\"")),
                        false)));
        Arbitrary<Bad> invalidUtf8 = anyPath.map(p -> {
            byte[] json = utf8(replace(tree, p, JsonNodeFactory.instance.textNode("@@fuzz@@")));
            String text = new String(json, StandardCharsets.ISO_8859_1).replace(MARK, "\"\u00c3\u0028\u00ed\u00a0\u0080\"");
            return new Bad("invalid UTF-8 at " + p, text.getBytes(StandardCharsets.ISO_8859_1), true);
        });
        return Arbitraries.oneOf(malformed, wrongType, huge, deep, unicode, invalidUtf8);
    }

    private String counts() {
        StringBuilder sql = new StringBuilder();
        for (String table : TABLES) {
            sql.append(sql.isEmpty() ? "select " : " || ' ' || ").append("(select count(*) from ").append(table)
                    .append(")");
        }
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> jsonWriteEndpoints() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept(ContentType.JSON)
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if ((path.startsWith("/api/") || path.startsWith("/fhir/") || path.startsWith("/cds-services/"))
                    && Set.of("post", "put", "patch").contains(method)
                    && operation.get("requestBody") != null) {
                endpoints.add(method.toUpperCase() + " " + path);
            }
        }));
        assertThat(endpoints).as("JSON write endpoints").hasSizeGreaterThan(5);
        return List.copyOf(endpoints);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every node's path below the root: field names and array indexes. */
    private static void collectPaths(JsonNode node, List<Object> prefix, List<List<Object>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                List<Object> p = new ArrayList<>(prefix);
                p.add(e.getKey());
                out.add(p);
                collectPaths(e.getValue(), p, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                collectPaths(node.get(i), p, out);
            }
        }
    }

    private static String replace(JsonNode tree, List<Object> path, JsonNode value) {
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy.toString();
    }

    private static String nest(String open, int depth) {
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
