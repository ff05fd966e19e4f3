package io.rapport.security;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.restassured.http.ContentType;

/** Secrets and client data never reach the log: not in messages, parameters or exceptions. */
@QuarkusTest
class LogSecretsTest {

    @Test
    void shouldMaskClientDataInWhatTheConsoleWrites() {
        List<Handler> consoles = new ArrayList<>();
        collectConsoles(Logger.getLogger("").getHandlers(), consoles);
        assertThat(consoles).as("console handlers").isNotEmpty();
        for (Handler console : consoles) {
            ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Detail: Key (email)=(%s) already exists",
                    ExtLogRecord.FormatStyle.PRINTF, LogSecretsTest.class.getName());
            record.setParameters(new Object[] { "jane.doe@clinic.example.org" });
            assertThat(console.getFilter()).as("filter of " + console).isNotNull();
            console.getFilter().isLoggable(record);
            assertThat(record.getFormattedMessage()).isEqualTo("Detail: Key (email)=(***) already exists");
        }
    }

    private static void collectConsoles(Handler[] handlers, List<Handler> found) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler) {
                found.add(handler);
            }
            if (handler instanceof ExtHandler ext) {
                collectConsoles(ext.getHandlers(), found);
            }
        }
    }

    @Test
    void shouldKeepKeysTokensPasswordsAndAnswersOutOfTheLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new LogCapture(lines);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String admin = Api.newOrganization();
            String badKey = "rpk_SECRET-KEY-never-logged-0123456789";
            String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJTRUNSRVQtSldUIn0.U0VDUkVULVNJR05BVFVSRQ";
            String password = "SECRET-password-never-logged";
            String answer = "SECRET-ANSWER-never-logged";

            given().auth().oauth2(badKey).get("/api/v1/pairs").then().statusCode(401);
            given().auth().oauth2(jwt).get("/api/v1/pairs").then().statusCode(401);
            String username = Web.username("logs");
            Web.account(admin, username, password, "admin", null);
            Web.postLogin(username, password + "-wrong").then().statusCode(401);
            Web.login(username, password);
            String formUrl = as(admin).body(Api.session("c-1", "t-1")).post("/api/v1/sessions").then()
                    .statusCode(201).extract().path("assignments[0].formUrl");
            String token = formUrl.substring(formUrl.lastIndexOf('/') + 1);
            given().contentType(ContentType.JSON).body("{\"answers\":{\"1\":\"" + answer + "\"}}")
                    .post("/api/v1/forms/" + token + "/responses").then().statusCode(422);
            given().contentType(ContentType.JSON).body(MatrixFixtures.SRS_ANSWERS)
                    .post("/api/v1/forms/" + token + "/responses").then().statusCode(201);

            assertThat(lines).as("log lines during the requests").isNotEmpty()
                    .noneMatch(l -> l.contains("SECRET") || l.contains(admin) || l.contains(token));
        } finally {
            root.removeHandler(capture);
        }
    }
}
