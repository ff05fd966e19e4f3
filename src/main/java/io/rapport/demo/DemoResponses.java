package io.rapport.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.rapport.alert.TrendAlerts;
import io.rapport.care.TherapySession;
import io.rapport.delivery.Assignment;
import io.rapport.delivery.AssignmentRepository;
import io.rapport.delivery.ResponseRecorder;
import io.rapport.delivery.StoredResponse;
import io.rapport.norms.NormsJob;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * Answers for the demo pairs through the real scoring path ({@link ResponseRecorder}, which also raises alerts),
 * so the charts, the caseload and the alerts show what a real practice would see: steady and rising alliances,
 * ruptures with and without repair, a client who stops answering, a couple seen jointly (each client with their
 * own pair) and an empathy measure on some sessions. Answers come from {@link AllianceModel}, the measurement model
 * of the rupture simulation, at its noise of {@value #NOISE} points on a 0–40 total; the pairs after the twelve
 * designed ones are steady, so the organization has enough pairs for local norms. Once every answer is in, the
 * norms are computed and each pair's alerts are raised against them.
 */
@ApplicationScoped
public class DemoResponses implements DemoContributor {

    static final String SESSION_RATING = "session-rating-4";
    static final String WAI_SR = "wai-sr";
    static final String EMPATHY = "patient-empathy-5";
    /** The therapist's prediction of the session rating (issue 16), on the latest sessions of every other pair. */
    static final String PREDICTION = "session-rating-4-prediction";
    static final int PREDICTED_SESSIONS = 6;
    /** Session-to-session noise of the demo's answers, as the SD of a 0–40 total. */
    static final double NOISE = 1.5;
    /** The couple: these two pairs share their sessions. */
    static final int COUPLE_A = 5;
    static final int COUPLE_B = 6;

    /** How a pair's alliance runs, as a share of each instrument's range per session. */
    enum Course {
        STEADY,
        RISING,
        REPAIRED,
        UNREPAIRED,
        STOPPED,
        COUPLE_STEADY,
        COUPLE_SLIPPING,
        DIPS_AND_REPAIRS,
        DECLINING,
        LOW_RISING,
        STEADY_HIGH,
        UNREPAIRED_LATE
    }

    private final ResponseRecorder recorder;
    private final AssignmentRepository assignments;
    private final QuestionnaireCatalog catalog;
    private final TrendAlerts alerts;
    private final NormsJob norms;
    private final EntityManager em;

    public DemoResponses(ResponseRecorder recorder, AssignmentRepository assignments, QuestionnaireCatalog catalog,
            TrendAlerts alerts, NormsJob norms, EntityManager em) {
        this.recorder = recorder;
        this.assignments = assignments;
        this.catalog = catalog;
        this.alerts = alerts;
        this.norms = norms;
        this.em = em;
    }

    @Override
    public void contribute(DemoData data) {
        List<DemoData.DemoPair> pairs = data.pairs();
        if (pairs.size() > COUPLE_B) {
            joint(pairs.get(COUPLE_A), pairs.get(COUPLE_B));
        }
        Instant now = Instant.now();
        for (int i = 0; i < pairs.size(); i++) {
            DemoData.DemoPair pair = pairs.get(i);
            Course course = i < Course.values().length ? Course.values()[i] : Course.STEADY;
            Random random = new Random(1000L + i);
            // A stream of its own, so the predictions leave the client's answers as they were.
            Random therapist = new Random(5000L + i);
            // Steady background pairs sit at a level of their own, 86–97 % of the range, as clients do.
            double offset = i < Course.values().length ? 0 : 0.86 + 0.11 * random.nextDouble() - share(course, 1, 1);
            int count = pair.sessionIds().size();
            for (int n = 1; n <= count; n++) {
                TherapySession session = em.find(TherapySession.class, pair.sessionIds().get(n - 1));
                // The newest session of every third pair is still open, to try the link and QR code in the room.
                boolean pending = n == count && i % 3 == 0 && course != Course.STOPPED;
                boolean silent = course == Course.STOPPED && n > count - 4;
                double share = share(course, n, count) + offset;
                // The session rating is answered last, so it is the caseload's most recent alliance score.
                if (n % 3 == 0 && count >= 9) {
                    answer(data.organizationId(), session, WAI_SR, share - 0.05, random, now, silent, 50);
                }
                if (n % 5 == 0 && i % 2 == 1) {
                    answer(data.organizationId(), session, EMPATHY, 0.8 + random.nextGaussian() * 0.05, random, now,
                            silent, 55);
                }
                if (i % 2 == 0 && i < Course.values().length && n > count - PREDICTED_SESSIONS) {
                    // Therapists read a steady alliance well and tend to miss a rupture: their prediction stays up.
                    double predicted = share < 0.8 ? 0.9 : share + 0.02;
                    answer(data.organizationId(), session, PREDICTION, predicted, therapist, now, pending, 5);
                }
                answer(data.organizationId(), session, SESSION_RATING, share, random, now, pending || silent, 60);
            }
        }
        norms.computeInCurrentTransaction(data.organizationId());
        for (DemoData.DemoPair pair : pairs) {
            alerts.raise(data.organizationId(), pair.pairId(), 1);
        }
    }

    /** The couple's sessions from B's fourth on are held with A: same time, one group per session. */
    private void joint(DemoData.DemoPair a, DemoData.DemoPair b) {
        int offset = b.sessionIds().size() - a.sessionIds().size();
        for (int n = 1; n <= a.sessionIds().size() && n + offset <= b.sessionIds().size(); n++) {
            if (n + offset < 1) {
                continue;
            }
            TherapySession first = em.find(TherapySession.class, a.sessionIds().get(n - 1));
            TherapySession second = em.find(TherapySession.class, b.sessionIds().get(n + offset - 1));
            UUID group = UUID.randomUUID();
            first.groupId = group;
            second.groupId = group;
            second.occurredAt = first.occurredAt;
        }
        em.flush();
    }

    static double share(Course course, int n, int count) {
        double progress = count <= 1 ? 1 : (n - 1) / (double) (count - 1);
        int rupture = Math.max(3, count * 2 / 3);
        return switch (course) {
            case STEADY, COUPLE_STEADY -> 0.95;
            case STEADY_HIGH -> 0.97;
            case RISING -> 0.84 + 0.13 * progress;
            case REPAIRED -> n == rupture ? 0.68 : n == rupture + 1 ? 0.9 : 0.955;
            case UNREPAIRED -> n >= count - 4 ? 0.7 : 0.95;
            case UNREPAIRED_LATE -> n >= count - 5 ? 0.72 - 0.01 * (n - count + 5) : 0.95;
            case STOPPED -> 0.96 - 0.06 * progress;
            case COUPLE_SLIPPING -> 0.95 - 0.14 * progress;
            case DIPS_AND_REPAIRS -> n % 9 == 0 ? 0.7 : 0.955;
            case DECLINING -> 0.97 - 0.16 * progress;
            case LOW_RISING -> 0.8 + 0.17 * progress;
        };
    }

    private void answer(UUID org, TherapySession session, String questionnaireId, double share, Random random,
            Instant now, boolean unanswered, int minutesAfter) {
        QuestionnaireDefinition d = catalog.latest(questionnaireId).orElse(null);
        if (d == null) {
            return;
        }
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.organizationId = org;
        a.sessionId = session.id;
        a.questionnaireId = d.id();
        a.questionnaireVersion = d.version();
        a.rater = d.clientRated() ? Assignment.CLIENT : Assignment.THERAPIST;
        a.tokenHash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        a.createdAt = session.occurredAt;
        Instant due = session.occurredAt.plus(Duration.ofHours(72));
        // A link not answered yet stays open for a few days from now; older unanswered ones have expired.
        a.expiresAt = unanswered && due.isAfter(now.minus(Duration.ofHours(72))) ? now.plus(Duration.ofDays(3))
                : due;
        assignments.persist(a);
        em.flush();
        if (unanswered) {
            return;
        }
        Map<String, Object> answers = new AllianceModel(d, NOISE, random).answers(share);
        Instant submitted = session.occurredAt.plus(Duration.ofMinutes(minutesAfter)).plusSeconds(random.nextInt(240));
        recorder.record(new ResponseRecorder.Submission(a, answers, submitted.minus(Duration.ofSeconds(
                20L * d.items().size())), submitted,
                d.clientRated() ? StoredResponse.Channel.form : StoredResponse.Channel.pairPage, "en",
                d.items().size(), d.clientRated() ? false : null));
    }
}
