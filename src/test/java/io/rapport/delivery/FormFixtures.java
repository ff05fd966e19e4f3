package io.rapport.delivery;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import io.rapport.Api;
import io.rapport.security.Secrets;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Sessions with form links for the delivery tests, and direct database access where the API offers none. */
public final class FormFixtures {

    /** A session created through the API, with its first assignment's link token. */
    public record Created(String key, String sessionId, String pairId, String assignmentId, String token) {
    }

    private final DataSource db;

    public FormFixtures(DataSource db) {
        this.db = db;
    }

    /** A new organization and one session of client {@code c-1} with the default schedule (session-rating-4). */
    public Created session() {
        return session(Api.newOrganization(), "c-1");
    }

    public Created session(String key, String client) {
        Response r = as(key).body(Api.session(client, "t-1")).post("/api/v1/sessions");
        r.then().statusCode(201);
        String url = r.path("assignments[0].formUrl");
        return new Created(key, r.path("id"), r.path("pairId"), r.path("assignments[0].id"),
                url.substring(url.lastIndexOf('/') + 1));
    }

    public void setClient(String key, String client, String email, String language) {
        as(key).body("{\"displayName\":\"Client\",\"email\":" + (email == null ? "null" : "\"" + email + "\"")
                + ",\"preferredLanguage\":" + (language == null ? "null" : "\"" + language + "\"") + "}")
                .put("/api/v1/clients/" + client).then().statusCode(lessThan(300));
    }

    /** Adds an assignment of another questionnaire to a session, as a configurable schedule would; returns its token. */
    public String addAssignment(String sessionId, String questionnaireId, String version) {
        String token = Secrets.newToken();
        update("insert into assignment (id, organization_id, session_id, questionnaire_id, questionnaire_version,"
                + " token_hash, expires_at) select ?, organization_id, id, ?, ?, ?, now() + interval '72 hours'"
                + " from session where id = ?", UUID.randomUUID(), questionnaireId, version, Secrets.hash(token),
                UUID.fromString(sessionId));
        return token;
    }

    public void expire(String assignmentId) {
        update("update assignment set expires_at = now() - interval '1 minute' where id = ?",
                UUID.fromString(assignmentId));
    }

    public void age(String assignmentId, int hours) {
        update("update assignment set created_at = created_at - make_interval(hours => ?),"
                + " remind_at = remind_at - make_interval(hours => ?) where id = ?", hours, hours,
                UUID.fromString(assignmentId));
    }

    public long responsesOf(String assignmentId) {
        return count("select count(*) from response where assignment_id = ?", UUID.fromString(assignmentId));
    }

    public String status(String assignmentId) {
        return string("select status from assignment where id = ?", UUID.fromString(assignmentId));
    }

    public String string(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        return Long.parseLong(string(sql, params));
    }

    public void update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i] instanceof Instant t ? Timestamp.from(t.truncatedTo(ChronoUnit.MICROS)) : params[i];
            s.setObject(i + 1, p);
        }
        return s;
    }

    public static String srsAnswers(String v1, String v2, String v3, String v4) {
        return "{\"answers\":{\"1\":" + v1 + ",\"2\":" + v2 + ",\"3\":" + v3 + ",\"4\":" + v4 + "}}";
    }

    public static RequestSpecification anonymous() {
        return given().contentType("application/json");
    }
}
