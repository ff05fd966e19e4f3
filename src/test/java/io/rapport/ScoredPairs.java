package io.rapport;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Pairs with session-rating answers given through the real form endpoint. */
public final class ScoredPairs {

    private ScoredPairs() {
    }

    /**
     * One session per entry of {@code items}, each answered with the four item values given (a session with
     * {@code null} is left unanswered); returns the pair id.
     */
    public static String answered(String key, String clientId, String therapistId, double[]... items) {
        String pairId = null;
        for (double[] values : items) {
            pairId = answeredAt(key, clientId, therapistId, "2026-11-20T15:00:00Z", values);
        }
        return pairId;
    }

    /** One session at {@code occurredAt} (ISO-8601 UTC), answered with {@code values} unless null; the pair id. */
    public static String answeredAt(String key, String clientId, String therapistId, String occurredAt,
            double[] values) {
        Response s = as(key).body(session(clientId, therapistId, occurredAt)).post("/api/v1/sessions");
        s.then().statusCode(201);
        if (values != null) {
            submit(s.path("assignments[0].formUrl"), values);
        }
        return s.path("pairId");
    }

    /** From now on every session of the organization assigns patient-empathy-5 and session-rating-4. */
    public static void empathyAndAlliance(String key) {
        as(key).body("{\"rules\": [{\"questionnaireId\": \"patient-empathy-5\", \"every\": 1},"
                + " {\"questionnaireId\": \"session-rating-4\", \"every\": 1}]}").put("/api/v1/schedule").then()
                .statusCode(200);
    }

    /**
     * One session at {@code occurredAt} under {@link #empathyAndAlliance}: patient-empathy-5 answered with its five
     * items all {@code empathyItem} (total 5 × it), session-rating-4 with {@code alliance}; either left open when
     * null. Returns the pair id.
     */
    public static String empathyAndAllianceAt(String key, String clientId, String therapistId, String occurredAt,
            Integer empathyItem, double[] alliance) {
        Response s = as(key).body(session(clientId, therapistId, occurredAt)).post("/api/v1/sessions");
        s.then().statusCode(201);
        if (empathyItem != null) {
            int v = empathyItem;
            submitAnswers(s.path("assignments.find { it.questionnaireId == 'patient-empathy-5' }.formUrl"),
                    "{\"1\":" + v + ",\"2\":" + v + ",\"3\":" + v + ",\"4\":" + v + ",\"5\":" + v + "}");
        }
        if (alliance != null) {
            submit(s.path("assignments.find { it.questionnaireId == 'session-rating-4' }.formUrl"), alliance);
        }
        return s.path("pairId");
    }

    /**
     * A couple seen together once by therapist t-9, clients "a" and "b" each answering in their own pair; returns
     * the pair id of "a".
     */
    public static String coupleSeenOnce(String key, double[] a, double[] b) {
        Response couple = as(key).body("{\"clientIds\":[\"a\",\"b\"],\"therapistId\":\"t-9\","
                + "\"occurredAt\":\"2026-11-20T15:00:00Z\"}").post("/api/v1/sessions");
        couple.then().statusCode(201);
        submit(couple.path("sessions[0].assignments[0].formUrl"), a);
        submit(couple.path("sessions[1].assignments[0].formUrl"), b);
        return couple.path("sessions[0].pairId");
    }

    /** Four equal items summing to {@code total}. */
    public static double[] total(double total) {
        double item = total / 4;
        return new double[] { item, item, item, item };
    }

    /** Four items all answered {@code value}. */
    public static double[] same(double value) {
        return new double[] { value, value, value, value };
    }

    public static void submit(String formUrl, double[] v) {
        submitAnswers(formUrl, "{\"1\":" + v[0] + ",\"2\":" + v[1] + ",\"3\":" + v[2] + ",\"4\":" + v[3] + "}");
    }

    /** {@code answers}: the JSON object of item id to value. */
    public static void submitAnswers(String formUrl, String answers) {
        String token = formUrl.substring(formUrl.lastIndexOf('/') + 1);
        given().contentType(ContentType.JSON).body("{\"answers\":" + answers + "}")
                .post("/api/v1/forms/" + token + "/responses")
                .then().statusCode(201);
    }
}
