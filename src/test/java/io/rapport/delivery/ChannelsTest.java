package io.rapport.delivery;

import static io.rapport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;

@QuarkusTest
class ChannelsTest {

    @Inject
    DataSource dataSource;
    @Inject
    MockMailbox mailbox;
    @Inject
    Reminders reminders;

    FormFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new FormFixtures(dataSource);
    }

    private static String tokenIn(String text) {
        Matcher m = Pattern.compile("/f/([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(m.find()).as("a form link in " + text).isTrue();
        return m.group(1);
    }

    @Test
    void shouldEmailAWorkingLinkInTheClientsLanguage() {
        FormFixtures.Created s = fixtures.session();
        String email = "client-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(s.key(), "c-1", email, "de");
        as(s.key()).post("/api/v1/assignments/" + s.assignmentId() + "/email").then().statusCode(202)
                .body("channel", equalTo("email"));
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Ihre Rückmeldung zur Sitzung");
        String token = tokenIn(mails.get(0).getText());
        assertThat(token).isNotEqualTo(s.token());
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("6", "6", "6", "6"))
                .post("/api/v1/forms/" + token + "/responses").then().statusCode(201);
        // Submitting through one link consumes all of the assignment's links.
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("6", "6", "6", "6"))
                .post("/api/v1/forms/" + s.token() + "/responses").then().statusCode(409);
    }

    @Test
    void shouldRefuseToEmailAClientWithoutAnAddress() {
        FormFixtures.Created s = fixtures.session();
        as(s.key()).post("/api/v1/assignments/" + s.assignmentId() + "/email").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("client.email"));
    }

    @Test
    void shouldDrawADecodableQrCodeOfAFreshLink() throws Exception {
        FormFixtures.Created s = fixtures.session();
        byte[] png = as(s.key()).get("/api/v1/assignments/" + s.assignmentId() + "/qr.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // The PNG is a pure code (no photo): decoding it as one does not depend on where finder patterns seem to be,
        // which once failed for a random link in the full suite.
        String text = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
        assertThat(text).contains("/f/");
        String token = tokenIn(text);
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("6", "6", "6", "6"))
                .post("/api/v1/forms/" + token + "/responses").then().statusCode(201);
        as(s.key()).get("/api/v1/assignments/" + s.assignmentId() + "/qr.png").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAQrCodeForAnExpiredFormOrAnotherOrganizationsOne() {
        FormFixtures.Created s = fixtures.session();
        as(Api.newOrganization()).get("/api/v1/assignments/" + s.assignmentId() + "/qr.png").then()
                .statusCode(404);
        fixtures.expire(s.assignmentId());
        as(s.key()).get("/api/v1/assignments/" + s.assignmentId() + "/qr.png").then().statusCode(410);
    }

    @Test
    void shouldRecordInSessionResponses() {
        FormFixtures.Created s = fixtures.session();
        String url = as(s.key()).post("/api/v1/assignments/" + s.assignmentId() + "/in-session").then()
                .statusCode(201).body("channel", equalTo("in-session")).body("formUrl", containsString("/f/"))
                .extract().path("formUrl");
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("6", "6", "6", "6"))
                .post("/api/v1/forms/" + tokenIn(url) + "/responses").then().statusCode(201);
        assertThat(fixtures.string("select channel from response where assignment_id = ?::uuid", s.assignmentId()))
                .isEqualTo("in-session");
    }

    @Test
    void shouldRemindOnceAfterTheDelayOnlyClientsWithAnEmail() {
        FormFixtures.Created s = fixtures.session();
        String email = "remind-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(s.key(), "c-1", email, null);
        FormFixtures.Created noEmail = fixtures.session(s.key(), "c-2");
        reminders.sendDue();
        assertThat(mailbox.getMailsSentTo(email)).as("before the delay").isEmpty();
        fixtures.age(s.assignmentId(), 25);
        fixtures.age(noEmail.assignmentId(), 25);
        reminders.sendDue();
        reminders.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("Reminder");
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("6", "6", "6", "6"))
                .post("/api/v1/forms/" + tokenIn(mails.get(0).getText()) + "/responses").then().statusCode(201);
        assertThat(fixtures.string("select reminder_sent_at is null from assignment where id = ?::uuid",
                noEmail.assignmentId())).isEqualTo("t");
    }

    @Test
    void shouldRemindOnceWhenRunsOverlap() throws Exception {
        FormFixtures.Created s = fixtures.session();
        String email = "overlap-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(s.key(), "c-1", email, null);
        fixtures.age(s.assignmentId(), 25);
        int runs = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return reminders.sendDue();
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
    }
}
