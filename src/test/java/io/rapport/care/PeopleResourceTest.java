package io.rapport.care;

import static io.rapport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;

@QuarkusTest
class PeopleResourceTest {

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldCreateATherapistThenReplaceIt() {
        as(key).body("{\"displayName\":\"Dr Ada\",\"email\":\"ada@clinic.example\"}")
                .put("/api/v1/therapists/T-100")
                .then().statusCode(201)
                .body("externalId", equalTo("T-100"))
                .body("displayName", equalTo("Dr Ada"))
                .body("active", equalTo(true));
        as(key).body("{\"displayName\":\"Dr Ada Lovelace\",\"active\":false}")
                .put("/api/v1/therapists/T-100")
                .then().statusCode(200)
                .body("displayName", equalTo("Dr Ada Lovelace"))
                .body("email", nullValue())
                .body("active", equalTo(false));
    }

    @Test
    void shouldCreateAClientThenReplaceIt() {
        as(key).body("{\"displayName\":\"C. K.\",\"preferredLanguage\":\"es\"}")
                .put("/api/v1/clients/C-100")
                .then().statusCode(201)
                .body("preferredLanguage", equalTo("es"));
        as(key).body("{\"preferredLanguage\":\"de\"}")
                .put("/api/v1/clients/C-100")
                .then().statusCode(200)
                .body("preferredLanguage", equalTo("de"))
                .body("displayName", nullValue());
    }

    @Test
    void shouldRefuseAnOverLongExternalId() {
        as(key).body("{}").put("/api/v1/therapists/" + "x".repeat(129))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void shouldRefuseAnExternalIdWithUnsafeCharacters() {
        as(key).body("{}").put("/api/v1/clients/a%20b")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void shouldRefuseAnInvalidEmailAndLanguage() {
        as(key).body("{\"email\":\"not-an-email\",\"preferredLanguage\":\"English\"}")
                .put("/api/v1/clients/C-1")
                .then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "preferredLanguage"));
        as(key).queryParam("clientId", "C-1").get("/api/v1/pairs").then().body("total", equalTo(0));
    }
}
