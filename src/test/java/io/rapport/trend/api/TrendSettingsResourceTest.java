package io.rapport.trend.api;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;

@QuarkusTest
class TrendSettingsResourceTest {

    static final String ONE_EXPIRY = "{\"rciZ\":1.96,\"personalDropMinEarlier\":3,\"personalDropSdMultiplier\":2,"
            + "\"repairWindow\":3,\"noResponseExpiries\":1}";

    @Inject
    DataSource dataSource;

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldAuditEveryChangeToTheThresholds() {
        String body = as(key).get("/api/v1/trend-settings").then().statusCode(200).extract().asString()
                .replace("\"repairWindow\":3", "\"repairWindow\":4").replaceAll(",?\"custom\":(true|false)", "");
        as(key).body(body).put("/api/v1/trend-settings").then().statusCode(200).body("repairWindow", equalTo(4));
        as(key).delete("/api/v1/trend-settings").then().statusCode(200);
        as(key).queryParam("objectType", "trend-settings").get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("erase", "update"));
    }

    @Test
    void shouldStartWithThePublishedDefaults() {
        as(key).get("/api/v1/trend-settings").then().statusCode(200)
                .body("rciZ", equalTo(1.96f))
                .body("personalDropMinEarlier", equalTo(3))
                .body("personalDropSdMultiplier", equalTo(3.0f))
                .body("reliableDropZ", equalTo(3.0f))
                .body("repairWindow", equalTo(3))
                .body("noResponseExpiries", equalTo(2))
                .body("custom", equalTo(false));
    }

    @Test
    void shouldApplyAnOrganizationsOwnThresholdsToItsTrends() throws Exception {
        String pairId = as(key).body(session("c-1", "t-1")).post("/api/v1/sessions").path("pairId");
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("update assignment set expires_at = now() - interval '1 minute' where session_id in"
                    + " (select id from session where pair_id = '" + pairId + "')");
        }
        as(key).get("/api/v1/pairs/" + pairId + "/trends").then().body("[0].events", empty());
        as(key).body(ONE_EXPIRY).put("/api/v1/trend-settings").then().statusCode(200)
                .body("noResponseExpiries", equalTo(1)).body("custom", equalTo(true));
        as(key).get("/api/v1/pairs/" + pairId + "/trends").then().body("[0].events.type", contains("no-response"));
        as(key).delete("/api/v1/trend-settings").then().statusCode(200).body("custom", equalTo(false));
        as(key).get("/api/v1/pairs/" + pairId + "/trends").then().body("[0].events", empty());
    }

    @Test
    void shouldRefuseNonsenseNamingTheField() {
        as(key).body(ONE_EXPIRY.replace("\"repairWindow\":3", "\"repairWindow\":0")).put("/api/v1/trend-settings")
                .then().statusCode(422).body("errors[0].field", equalTo("repairWindow"));
        as(key).body("{\"rciZ\":1.96}").put("/api/v1/trend-settings").then().statusCode(422);
        as(key).get("/api/v1/trend-settings").then().body("custom", equalTo(false));
    }
}
