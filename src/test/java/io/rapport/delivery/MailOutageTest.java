package io.rapport.delivery;

import static io.rapport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The mail server refuses everything for 20 s while link e-mails and a reminder are queued: every mail arrives
 * afterwards, exactly once, with a link that opens the form.
 */
@QuarkusTest
@TestProfile(MailOutageTest.RealMailServer.class)
class MailOutageTest {

    /** A real SMTP conversation with {@link RefusingSmtpServer}, retried every second. */
    public static class RealMailServer implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.delivery.mail-relay-interval", "1s", "rapport.delivery.mail-backoff", "1s,2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RefusingSmtpServer.class));
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    Reminders reminders;

    @Test
    void shouldDeliverEveryMailOnceAfterTheMailServerRefusedFor20Seconds() {
        FormFixtures fixtures = new FormFixtures(dataSource);
        RefusingSmtpServer.refuseUntil = Instant.MAX;
        List<String> recipients = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FormFixtures.Created s = fixtures.session();
            String email = "outage-" + i + "-" + UUID.randomUUID() + "@example.org";
            fixtures.setClient(s.key(), "c-1", email, null);
            // Accepted while the server refuses: the mail waits in the outbox, the caller is not told to retry.
            as(s.key()).post("/api/v1/assignments/" + s.assignmentId() + "/email").then().statusCode(202);
            recipients.add(email);
            assignments.add(s.assignmentId());
        }
        FormFixtures.Created reminded = fixtures.session();
        String reminderEmail = "outage-reminder-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(reminded.key(), "c-1", reminderEmail, null);
        fixtures.age(reminded.assignmentId(), 25);
        assertThat(reminders.sendDue()).isEqualTo(1);
        recipients.add(reminderEmail);
        assertThat(RefusingSmtpServer.REFUSED.get()).as("attempts refused so far").isPositive();
        assertThat(accepted(recipients)).isEmpty();
        // From now on the server refuses for 20 s more, then takes mail again.
        RefusingSmtpServer.refuseUntil = Instant.now().plusSeconds(20);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> accepted(recipients).size() == recipients.size());
        assertThat(Instant.now()).isAfter(RefusingSmtpServer.refuseUntil);
        // A few more relay runs change nothing: once means once.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        for (String recipient : recipients) {
            assertThat(accepted(List.of(recipient))).as(recipient).hasSize(1);
        }
        assertThat(accepted(List.of(reminderEmail)).get(0).data()).contains("Reminder", "/f/");
        for (String assignment : assignments) {
            // Every attempt carried the outbox row's Message-ID, so a receiver could drop a second copy.
            String id = fixtures.string("select id from mail_outbox where assignment_id = ?::uuid", assignment);
            assertThat(RefusingSmtpServer.ACCEPTED).filteredOn(m -> m.data().contains("Message-ID: <" + id + "@rapport>"))
                    .hasSize(1);
        }
        for (String assignment : assignments) {
            assertThat(fixtures.string("select string_agg(status, ',') from mail_outbox where assignment_id = ?::uuid",
                    assignment)).isEqualTo("sent");
            assertThat(Integer.parseInt(fixtures.string(
                    "select attempts from mail_outbox where assignment_id = ?::uuid", assignment))).isGreaterThan(1);
        }
    }

    private static List<RefusingSmtpServer.Message> accepted(List<String> recipients) {
        return RefusingSmtpServer.ACCEPTED.stream().filter(m -> m.recipients().stream().anyMatch(recipients::contains))
                .toList();
    }
}
