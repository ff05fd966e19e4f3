package io.rapport.security.smart;

import static io.rapport.security.smart.SmartClients.tokenRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.fhir.FhirApi;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** SMART Backend Services end to end: registration, the token endpoint's checks, and the token on /fhir. */
@QuarkusTest
class SmartTokenTest {

    private static final String PATIENT = """
            {"resourceType":"Patient","identifier":[{"system":"urn:ehr:mrn","value":"%s"}],
             "name":[{"given":["Ana"],"family":"Ruiz"}]}""";

    @Inject
    DataSource db;

    String admin;
    HttpServer jwksServer;
    final AtomicReference<String> served = new AtomicReference<>();

    @BeforeEach
    void newOrganization() {
        admin = Api.newOrganization();
    }

    @AfterEach
    void stopServer() {
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    @Test
    void shouldIssueATokenForAValidAssertionAndReadFhirWithIt() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");
        String mrn = "mrn-" + UUID.randomUUID();
        FhirApi.as(admin).queryParam("identifier", mrn).body(PATIENT.formatted(mrn)).put("/fhir/Patient").then()
                .statusCode(201);

        Response answer = tokenRequest(client.assertion(), "system/*.read");
        answer.then().statusCode(200).header("Cache-Control", "no-store").body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(300)).body("scope", equalTo("system/*.read"))
                .body("access_token", startsWith("rsat_"));
        String token = answer.path("access_token");

        FhirApi.as(token).queryParam("identifier", mrn).get("/fhir/Patient").then().statusCode(200)
                .body("total", equalTo(1));
        // Audited as on /api/v1, naming the client.
        Api.as(admin).queryParam("actor", "smart-client:" + client.id()).get("/api/v1/audit").then().statusCode(200)
                .body("items.route", hasItem("GET /fhir/Patient"));
    }

    @Test
    void shouldAcceptAnEs384KeyFromAJwksUrl() throws IOException {
        PublicJsonWebKey key = SmartClients.ec("ec-1");
        served.set(SmartClients.jwks(key));
        SmartClients.Client client = SmartClients.register(admin, "\"jwksUrl\":\"" + serveJwks() + "\"", key,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, "system/*.read");

        String token = client.token("system/*.read");

        FhirApi.as(token).get("/fhir/Questionnaire").then().statusCode(200);
    }

    @Test
    void shouldNotFetchTheJwksAgainForEveryUnknownKid() throws Exception {
        PublicJsonWebKey old = SmartClients.ec("old");
        served.set(SmartClients.jwks(old));
        SmartClients.Client client = SmartClients.register(admin, "\"jwksUrl\":\"" + serveJwks() + "\"", old,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, "system/*.read");
        client.token("system/*.read");
        PublicJsonWebKey fresh = SmartClients.rsa("new");
        served.set(SmartClients.jwks(old, fresh));
        SmartClients.Client rotated = new SmartClients.Client(client.id(), client.tokenEndpoint(), fresh,
                AlgorithmIdentifiers.RSA_USING_SHA384);

        // Within 30 s of the last fetch the cached JWKS stands: an unknown kid cannot make Rapport fetch at will.
        refused(tokenRequest(rotated.assertion(), "system/*.read"), 401, "invalid_client");
    }

    @Test
    void shouldRefuseAnExpiredAssertion() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");

        refused(tokenRequest(client.assertion(c -> c.setExpirationTime(SmartClients.secondsFromNow(-120))),
                "system/*.read"), 401, "invalid_client");
    }

    @Test
    void shouldRefuseAnAssertionThatExpiresMoreThanFiveMinutesAhead() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");

        refused(tokenRequest(client.assertion(c -> c.setExpirationTimeMinutesInTheFuture(10)), "system/*.read"), 401,
                "invalid_client");
        refused(tokenRequest(client.assertion(c -> c.setClaim("exp", null)), "system/*.read"), 401,
                "invalid_client");
    }

    @Test
    void shouldRefuseAReplayedJti() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");
        String assertion = client.assertion();
        tokenRequest(assertion, "system/*.read").then().statusCode(200);

        Response replay = tokenRequest(assertion, "system/*.read");

        refused(replay, 401, "invalid_client");
        assertThat(replay.jsonPath().getString("error_description")).contains("jti");
        // Another jti of the same client is fine.
        tokenRequest(client.assertion(), "system/*.read").then().statusCode(200);
    }

    @Test
    void shouldRefuseAWrongAudienceIssuerOrSubject() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");

        Response wrongAud = tokenRequest(client.assertion(c -> c.setAudience("https://elsewhere.example.org/token")),
                "system/*.read");
        refused(wrongAud, 401, "invalid_client");
        assertThat(wrongAud.jsonPath().getString("error_description")).contains(client.tokenEndpoint());
        refused(tokenRequest(client.assertion(c -> c.setSubject("someone-else")), "system/*.read"), 401,
                "invalid_client");
        refused(tokenRequest(client.assertion(c -> c.setIssuer(UUID.randomUUID().toString())), "system/*.read"), 401,
                "invalid_client");
        refused(tokenRequest(client.assertion(c -> c.setClaim("jti", null)), "system/*.read"), 401,
                "invalid_client");
    }

    @Test
    void shouldRefuseAKeyThatIsNotInTheClientsJwks() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");
        PublicJsonWebKey stranger = SmartClients.rsa("stranger");
        PublicJsonWebKey impostor = SmartClients.rsa(client.key().getKeyId());

        refused(tokenRequest(new SmartClients.Client(client.id(), client.tokenEndpoint(), stranger,
                AlgorithmIdentifiers.RSA_USING_SHA384).assertion(), "system/*.read"), 401, "invalid_client");
        refused(tokenRequest(new SmartClients.Client(client.id(), client.tokenEndpoint(), impostor,
                AlgorithmIdentifiers.RSA_USING_SHA384).assertion(), "system/*.read"), 401, "invalid_client");
        // The right key with an algorithm SMART does not ask for.
        refused(tokenRequest(new SmartClients.Client(client.id(), client.tokenEndpoint(), client.key(),
                AlgorithmIdentifiers.RSA_USING_SHA256).assertion(), "system/*.read"), 401, "invalid_client");
    }

    @Test
    void shouldRefuseAScopeTheClientIsNotRegisteredForAndGrantANarrowerOne() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");

        refused(tokenRequest(client.assertion(), "system/*.read system/Patient.write"), 400, "invalid_scope");
        refused(tokenRequest(client.assertion(), "patient/*.read"), 400, "invalid_scope");
        tokenRequest(client.assertion(), "system/Questionnaire.read").then().statusCode(200)
                .body("scope", equalTo("system/Questionnaire.read"));
    }

    @Test
    void shouldMapScopesOntoReadsAndWritesByResourceType() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read", "system/Patient.write");
        String reader = client.token("system/*.read");
        String patientWriter = client.token("system/Patient.write");
        String mrn = "mrn-" + UUID.randomUUID();

        FhirApi.outcome(FhirApi.as(reader).queryParam("identifier", mrn).body(PATIENT.formatted(mrn))
                .put("/fhir/Patient"), 403);
        FhirApi.as(patientWriter).queryParam("identifier", mrn).body(PATIENT.formatted(mrn)).put("/fhir/Patient")
                .then().statusCode(201);
        FhirApi.outcome(FhirApi.as(patientWriter).get("/fhir/Questionnaire"), 403);
        FhirApi.outcome(FhirApi.as(patientWriter).body("{\"resourceType\":\"Encounter\"}").post("/fhir/Encounter"),
                403);
    }

    @Test
    void shouldKeepAnotherOrganizationsPatientsNotFound() {
        String otherAdmin = Api.newOrganization();
        String mrn = "mrn-" + UUID.randomUUID();
        String otherPatient = FhirApi.as(otherAdmin).queryParam("identifier", mrn).body(PATIENT.formatted(mrn))
                .put("/fhir/Patient").then().statusCode(201).extract().path("id");
        String token = SmartClients.register(admin, "system/*.read").token("system/*.read");

        FhirApi.outcome(FhirApi.as(token).get("/fhir/Patient/" + otherPatient), 404);
        FhirApi.as(token).queryParam("identifier", mrn).get("/fhir/Patient").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldStopAcceptingATokenOnceItExpires() throws Exception {
        String token = SmartClients.register(admin, "system/*.read").token("system/*.read");
        FhirApi.as(token).get("/fhir/Questionnaire").then().statusCode(200);

        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update smart_access_token set expires_at = now() - interval '1 second' where token_hash = ?")) {
            s.setString(1, io.rapport.security.Secrets.hash(token));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        // The test profile trusts a found token for 1 s (rapport.security.api-key-cache-ttl).
        Thread.sleep(1_500);

        FhirApi.outcome(FhirApi.as(token).get("/fhir/Questionnaire"), 401);
    }

    @Test
    void shouldEndTheTokensOfADisabledClient() throws Exception {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");
        String token = client.token("system/*.read");

        Api.as(admin).post("/api/v1/smart-clients/" + client.id() + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        Thread.sleep(1_500);

        FhirApi.outcome(FhirApi.as(token).get("/fhir/Questionnaire"), 401);
        refused(tokenRequest(client.assertion(), "system/*.read"), 401, "invalid_client");
        Api.as(Api.newOrganization()).post("/api/v1/smart-clients/" + client.id() + "/disable").then()
                .statusCode(404);
    }

    @Test
    void shouldNotAcceptTheTokenOnTheJsonApi() {
        String token = SmartClients.register(admin, "system/*.read").token("system/*.read");

        given().auth().oauth2(token).get("/api/v1/pairs").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseBadRegistrationsNamingTheField() {
        PublicJsonWebKey key = SmartClients.rsa("k1");
        String jwks = SmartClients.jwks(key);

        problem(SmartClients.registration("\"jwks\":" + jwks, "system/*.read", "system/Nonsense.read"), "scopes[1]");
        problem(SmartClients.registration("\"jwks\":" + jwks, "user/*.read"), "scopes[0]");
        problem(SmartClients.registration(
                "\"jwks\":" + key.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                "system/*.read"), "jwks");
        problem(SmartClients.registration("\"jwks\":{\"keys\":[" + key.toJson(
                org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + "]}", "system/*.read"), "jwks");
        problem(SmartClients.registration("\"jwks\":{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}",
                "system/*.read"), "jwks");
        problem(SmartClients.registration("\"jwks\":{\"keys\":[]}", "system/*.read"), "jwks");
        problem(SmartClients.registration("\"jwks\":\"text\"", "system/*.read"), "jwks");
        problem(SmartClients.registration("\"jwks\":" + jwks + ",\"jwksUrl\":\"https://ehr.example.org/jwks\"",
                "system/*.read"), "jwks");
        problem(SmartClients.registration("\"jwksUrl\":null", "system/*.read"), "jwksUrl");
        problem(SmartClients.registration("\"jwksUrl\":\"ftp://ehr.example.org/jwks\"", "system/*.read"), "jwksUrl");
        problem(SmartClients.registration("\"jwksUrl\":\"https://no-such-host.invalid/jwks\"", "system/*.read"),
                "jwksUrl");
        Api.as(admin).get("/api/v1/smart-clients").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAJwksUrlThatAnswersNoJwks() throws IOException {
        served.set("<html>not a JWKS</html>");
        problem(SmartClients.registration("\"jwksUrl\":\"" + serveJwks() + "\"", "system/*.read"), "jwksUrl");
        problem(SmartClients.registration("\"jwksUrl\":\"" + serveJwks().replace("/jwks.json", "/missing") + "\"",
                "system/*.read"), "jwksUrl");
    }

    @Test
    void shouldListAndShowTheOrganizationsClientsOnly() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");

        Api.as(admin).get("/api/v1/smart-clients").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].clientId", equalTo(client.id())).body("items[0].jwks.keys[0].kid",
                        equalTo(client.key().getKeyId()));
        Api.as(admin).get("/api/v1/smart-clients/" + client.id()).then().statusCode(200)
                .body("tokenEndpoint", equalTo(client.tokenEndpoint())).body("enabled", equalTo(true));
        Api.as(Api.newOrganization()).get("/api/v1/smart-clients/" + client.id()).then().statusCode(404);
    }

    @Test
    void shouldRefuseMalformedTokenRequestsAsRfc6749Says() {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");
        String type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

        refused(form().formParam("grant_type", "password").post("/oauth/token"), 400, "unsupported_grant_type");
        refused(form().formParam("grant_type", "client_credentials").post("/oauth/token"), 400, "invalid_request");
        refused(form().formParam("grant_type", "client_credentials").formParam("scope", "system/*.read")
                .formParam("client_assertion_type", "urn:other").formParam("client_assertion", client.assertion())
                .post("/oauth/token"), 401, "invalid_client");
        refused(form().formParam("grant_type", "client_credentials").formParam("scope", "system/*.read")
                .formParam("client_assertion_type", type).formParam("client_assertion", "not-a-jwt")
                .post("/oauth/token"), 401, "invalid_client");
        refused(form().formParam("grant_type", "client_credentials", "client_credentials")
                .formParam("scope", "system/*.read").formParam("client_assertion_type", type)
                .formParam("client_assertion", client.assertion()).post("/oauth/token"), 400, "invalid_request");
        refused(form().formParam("grant_type", "client_credentials").formParam("client_assertion_type", type)
                .formParam("client_assertion", client.assertion()).post("/oauth/token"), 400, "invalid_request");
        // An unsigned assertion naming the client.
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        SmartClients.claims(client.id(), client.tokenEndpoint()).toJson()
                                .getBytes(StandardCharsets.UTF_8))
                + ".";
        refused(tokenRequest(unsigned, "system/*.read"), 401, "invalid_client");
    }

    @Test
    void shouldAnswerHostileTokenRequestsWithoutIssuingOrFailing() throws SQLException {
        SmartClients.Client client = SmartClients.register(admin, "system/*.read");
        // Spent before the fuzzing, so that no combination of the values can obtain a token.
        String spent = client.assertion();
        tokenRequest(spent, "system/*.read").then().statusCode(200);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("client_credentials", "system/*.read", client.id(), spent,
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "", "\u0000", "x".repeat(20_000),
                        spent.replace('.', '!'), spent + "x", client.assertion(c -> c.setAudience("x")), "eyJ.eyJ.", "%%%"));
        Arbitrary<String> name = Arbitraries.of("grant_type", "scope", "client_assertion_type", "client_assertion",
                "client_id", "other");
        long before = tokens();
        List<List<String[]>> forms = Arbitraries.entries(name, value).map(e -> new String[] { e.getKey(), e.getValue() })
                .list().ofMaxSize(7).sampleStream().limit(150).toList();
        for (List<String[]> pairs : forms) {
            var spec = form();
            pairs.forEach(p -> spec.formParam(p[0], p[1]));
            Response answer = spec.post("/oauth/token");
            assertThat(answer.statusCode()).as(answer.asString()).isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertThat(answer.contentType()).startsWith("application/json");
                assertThat(answer.jsonPath().getString("error")).isNotBlank();
            }
        }
        // Raw bodies that are no form at all.
        for (String body : List.of("", "%", "=&=&", "grant_type", "{\"grant_type\":\"client_credentials\"}",
                "a=" + "b".repeat(900_000))) {
            Response answer = given().contentType(ContentType.URLENC).body(body).post("/oauth/token");
            assertThat(answer.statusCode()).as(body.length() > 50 ? "long body" : body).isBetween(400, 499);
        }
        assertThat(tokens()).isEqualTo(before);
    }

    @Test
    void shouldDescribeItselfInTheSmartConfigurationAndTheCapabilityStatement() {
        String endpoint = SmartClients.register(admin, "system/*.read").tokenEndpoint();

        given().get("/.well-known/smart-configuration").then().statusCode(200)
                .body("token_endpoint", equalTo(endpoint))
                .body("token_endpoint_auth_methods_supported", equalTo(List.of("private_key_jwt")))
                .body("token_endpoint_auth_signing_alg_values_supported", equalTo(List.of("ES384", "RS384")))
                .body("grant_types_supported", equalTo(List.of("client_credentials")))
                .body("scopes_supported", hasItem("system/*.read"))
                .body("scopes_supported", hasItem("system/Patient.read"))
                .body("capabilities", equalTo(List.of("client-confidential-asymmetric")));
        var statement = FhirApi.read(FhirApi.as(null).get("/fhir/metadata"),
                org.hl7.fhir.r4.model.CapabilityStatement.class);
        var security = statement.getRestFirstRep().getSecurity();
        assertThat(security.getService()).anySatisfy(s -> {
            assertThat(s.getCodingFirstRep().getSystem())
                    .isEqualTo("http://terminology.hl7.org/CodeSystem/restful-security-service");
            assertThat(s.getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
        });
        // The token endpoint is in the smart-configuration (see SmartCapability for why not in oauth-uris).
        assertThat(security.getExtension()).isEmpty();
        given().get("/.well-known/smart-configuration").then().statusCode(200).body("token_endpoint",
                org.hamcrest.Matchers.equalTo(endpoint));
    }

    private static io.restassured.specification.RequestSpecification form() {
        return given().contentType(ContentType.URLENC);
    }

    private static void refused(Response answer, int status, String error) {
        answer.then().statusCode(status).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("error", equalTo(error));
        assertThat(answer.jsonPath().getString("error_description")).isNotBlank();
    }

    private void problem(String body, String field) {
        Api.as(admin).body(body).post("/api/v1/smart-clients").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private long tokens() throws SQLException {
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from smart_access_token")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Serves {@link #served} as /jwks.json on a loopback port (the test profile allows private addresses). */
    private String serveJwks() throws IOException {
        if (jwksServer == null) {
            jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            jwksServer.createContext("/", exchange -> {
                byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
                int status = exchange.getRequestURI().getPath().equals("/jwks.json") ? 200 : 404;
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwksServer.start();
        }
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json";
    }
}
