package io.rapport.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.rapport.account.AccountRequest;
import io.rapport.account.AccountService;
import io.rapport.account.UserAccountRepository;
import io.rapport.care.ClientRequest;
import io.rapport.care.PairRepository;
import io.rapport.care.PeopleService;
import io.rapport.care.TherapistRequest;
import io.rapport.care.TherapySession;
import io.rapport.care.TherapySessionRepository;
import io.rapport.security.Roles;
import io.rapport.tenancy.Organization;
import io.rapport.tenancy.OrganizationRepository;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Seeds a demo organization: a therapist login ({@value #THERAPIST_USERNAME} / {@value #THERAPIST_PASSWORD}), an
 * admin login ({@value #ADMIN_USERNAME} / {@value #ADMIN_PASSWORD}), 12 designed pairs with 3 to 40 weekly sessions
 * and {@value #BACKGROUND_PAIRS} steady pairs of a colleague with 6 to 14, so the organization has enough pairs for
 * local norms. Runs once: an existing demo organization is left alone.
 */
@ApplicationScoped
public class DemoSeeder {

    public static final String SLUG = "demo";
    public static final String THERAPIST_USERNAME = "demo";
    public static final String THERAPIST_PASSWORD = "demo-password-1";
    public static final String ADMIN_USERNAME = "demo-admin";
    public static final String ADMIN_PASSWORD = "demo-admin-password";
    static final int PAIRS = 12;
    static final int MIN_SESSIONS = 3;
    static final int MAX_SESSIONS = 40;
    /** Steady pairs of the colleague after the designed ones: local norms need 30 pairs by default. */
    static final int BACKGROUND_PAIRS = 24;
    /** The demo therapist treats the first eight clients; a colleague the rest, so visibility can be seen. */
    static final int DEMO_THERAPIST_PAIRS = 8;
    private static final String[] CLIENT_NAMES = { "Alex M.", "Blair K.", "Casey R.", "Devon L.", "Emery S.",
            "Finley O.", "Harper T.", "Jordan P.", null, "Morgan W.", "Quinn A.", "Rowan B." };
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    private final DemoConfig config;
    private final OrganizationRepository organizations;
    private final PeopleService people;
    private final PairRepository pairs;
    private final TherapySessionRepository sessions;
    private final AccountService accounts;
    private final UserAccountRepository accountRepository;
    private final Instance<DemoContributor> contributors;
    private final EntityManager em;

    public DemoSeeder(DemoConfig config, OrganizationRepository organizations, PeopleService people,
            PairRepository pairs, TherapySessionRepository sessions, AccountService accounts,
            UserAccountRepository accountRepository, Instance<DemoContributor> contributors, EntityManager em) {
        this.config = config;
        this.organizations = organizations;
        this.people = people;
        this.pairs = pairs;
        this.sessions = sessions;
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.contributors = contributors;
        this.em = em;
    }

    /** Seeds in the background, so the service is ready at once and the demo data follows within seconds. */
    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    seed();
                } catch (RuntimeException e) {
                    LOG.error("Could not seed the demo organization", e);
                }
            });
        }
    }

    /** Seeds the demo organization unless it exists; tells whether it did. */
    @Transactional
    public boolean seed() {
        // Two instances starting together must not both seed.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('rapport-demo-seed', 0))")
                .getSingleResult();
        if (organizations.slugTaken(SLUG)) {
            return false;
        }
        if (accountRepository.usernameTaken(THERAPIST_USERNAME) || accountRepository.usernameTaken(ADMIN_USERNAME)) {
            LOG.warn("The demo usernames belong to another organization; no demo data was seeded");
            return false;
        }
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.slug = SLUG;
        org.name = "Demo practice";
        org.linkTtlHours = 72;
        org.createdAt = Instant.now();
        organizations.persist(org);
        em.flush();

        UUID demoTherapist = people.putTherapist(org.id, "T-DEMO-1", new TherapistRequest("Dana Demo", null, true))
                .view().id();
        UUID colleague = people.putTherapist(org.id, "T-DEMO-2", new TherapistRequest("Sam Okafor", null, true))
                .view().id();
        accounts.create(org.id, new AccountRequest(THERAPIST_USERNAME, THERAPIST_PASSWORD, Roles.THERAPIST,
                "T-DEMO-1"));
        accounts.create(org.id, new AccountRequest(ADMIN_USERNAME, ADMIN_PASSWORD, Roles.ADMIN, null));

        Instant lastWeek = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        List<DemoData.DemoPair> created = new ArrayList<>();
        for (int i = 0; i < PAIRS + BACKGROUND_PAIRS; i++) {
            String clientId = String.format("C-DEMO-%02d", i + 1);
            String name = i < PAIRS ? CLIENT_NAMES[i] : null;
            UUID client = people.putClient(org.id, clientId, new ClientRequest(name, null, "en")).view().id();
            UUID therapist = i < DEMO_THERAPIST_PAIRS ? demoTherapist : colleague;
            UUID pair = pairs.ensure(org.id, client, therapist).id;
            int count = i < PAIRS ? MIN_SESSIONS + i * (MAX_SESSIONS - MIN_SESSIONS) / (PAIRS - 1) : 6 + i % 9;
            List<UUID> sessionIds = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                TherapySession s = new TherapySession();
                s.id = UUID.randomUUID();
                s.organizationId = org.id;
                s.pairId = pair;
                s.sessionNumber = n;
                // Weekly, the latest a few days ago; pairs end on different days so sorting by date shows.
                s.occurredAt = lastWeek.minus(Duration.ofDays(7L * (count - n) + i % 5));
                s.encounterId = "DEMO-" + clientId + "-" + n;
                s.createdAt = s.occurredAt;
                sessions.persist(s);
                sessionIds.add(s.id);
            }
            created.add(new DemoData.DemoPair(pair, client, therapist, List.copyOf(sessionIds)));
        }
        DemoData data = new DemoData(org.id, List.copyOf(created));
        contributors.forEach(c -> c.contribute(data));
        LOG.infof("Seeded the demo organization: log in as '%s' or '%s'", THERAPIST_USERNAME, ADMIN_USERNAME);
        return true;
    }
}
