package io.rapport.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.care.TherapistRepository;
import io.rapport.common.error.ApiException;
import io.rapport.common.web.Page;

/** Sign-in accounts: created and deactivated by organization admins, used by therapists to log in. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    /** Longer inputs are refused without reading the database; bcrypt still runs so timing stays the same. */
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD_INPUT = 1024;
    private static final String VIEW = "select new io.rapport.security.AccountView(a.id, a.username, a.role,"
            + " t.externalId, a.active, a.createdAt, a.lastLoginAt)"
            + " from UserAccount a left join Therapist t on t.organizationId = a.organizationId and t.id = a.therapistId"
            + " where a.organizationId = :org";

    private final UserAccountRepository accounts;
    private final TherapistRepository therapists;
    private final WebSessionService sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final EntityManager em;

    public AccountService(UserAccountRepository accounts, TherapistRepository therapists,
            WebSessionService sessions, PasswordHasher hasher, LoginThrottle throttle, EntityManager em) {
        this.accounts = accounts;
        this.therapists = therapists;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.em = em;
    }

    /** Usernames are case-insensitive: stored and compared in lower case. */
    public static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    @Transactional
    public AccountView create(UUID organizationId, AccountRequest request) {
        if (Roles.THERAPIST.equals(request.role()) && (request.therapistId() == null || request.therapistId().isEmpty())) {
            throw ApiException.unprocessable("therapistId", "is required for the therapist role");
        }
        if (request.password().getBytes(StandardCharsets.UTF_8).length > AccountRequest.MAX_PASSWORD) {
            throw ApiException.unprocessable("password", "must be at most 72 bytes in UTF-8");
        }
        String username = normalize(request.username());
        if (accounts.usernameTaken(username)) {
            throw ApiException.conflict("username-taken", "username", "is already taken");
        }
        UserAccount account = new UserAccount();
        account.id = UUID.randomUUID();
        account.organizationId = organizationId;
        account.username = username;
        account.passwordHash = hasher.hash(request.password());
        account.role = request.role();
        account.therapistId = request.therapistId() == null || request.therapistId().isEmpty() ? null
                : therapists.ensure(organizationId, request.therapistId());
        account.active = true;
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        accounts.persist(account);
        LOG.infof("Created %s account %s", account.role, account.id);
        return view(organizationId, account.id).orElseThrow();
    }

    @Transactional
    public Page<AccountView> list(UUID organizationId, Page.Request paging) {
        List<AccountView> items = em.createQuery(VIEW + " order by a.createdAt, a.id", AccountView.class)
                .setParameter("org", organizationId)
                .setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList();
        return new Page<>(items, paging.page(), paging.size(), accounts.countInOrganization(organizationId));
    }

    /** Deactivates the account and ends its web sessions at once. */
    @Transactional
    public AccountView deactivate(UUID organizationId, UUID accountId) {
        UserAccount account = accounts.findInOrganization(organizationId, accountId)
                .orElseThrow(() -> ApiException.notFound("Account"));
        account.active = false;
        sessions.endAll(organizationId, accountId);
        LOG.infof("Deactivated account %s", accountId);
        return view(organizationId, accountId).orElseThrow();
    }

    /**
     * Checks a password and starts a web session. The password check runs outside any transaction: bcrypt is
     * slow on purpose and must not hold a database connection.
     */
    public LoginOutcome login(String address, String username, String password) {
        String name = normalize(username);
        Optional<Duration> wait = throttle.retryAfter(address, name);
        if (wait.isPresent()) {
            return new LoginOutcome.Throttled(wait.get());
        }
        boolean plausible = !name.isEmpty() && name.length() <= MAX_USERNAME && password != null
                && password.length() <= MAX_PASSWORD_INPUT;
        UserAccount account = plausible
                ? QuarkusTransaction.requiringNew().call(() -> accounts.findByUsername(name).orElse(null))
                : null;
        boolean matches = hasher.matches(plausible ? password : "", account == null ? null : account.passwordHash);
        if (!matches || !account.active) {
            throttle.recordFailure(address, name);
            LOG.infof("Refused a login from %s", address);
            return new LoginOutcome.Refused();
        }
        throttle.recordSuccess(name);
        return new LoginOutcome.Success(QuarkusTransaction.requiringNew().call(() -> startSession(account.id)));
    }

    /**
     * Starts a web session for the account an organization's identity provider vouched for: the same session as
     * a password login. Only an existing, active account of that organization qualifies; nothing is created.
     */
    @Transactional
    public Optional<String> loginVouchedFor(UUID organizationId, String username) {
        String name = normalize(username);
        if (name.isEmpty() || name.length() > MAX_USERNAME) {
            return Optional.empty();
        }
        return accounts.findByUsername(name)
                .filter(a -> a.organizationId.equals(organizationId) && a.active)
                .map(a -> startSession(a.id));
    }

    private String startSession(UUID accountId) {
        UserAccount current = accounts.findById(accountId);
        current.lastLoginAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return sessions.start(current);
    }

    private Optional<AccountView> view(UUID organizationId, UUID accountId) {
        em.flush();
        return em.createQuery(VIEW + " and a.id = :id", AccountView.class)
                .setParameter("org", organizationId).setParameter("id", accountId)
                .getResultStream().findFirst();
    }
}
