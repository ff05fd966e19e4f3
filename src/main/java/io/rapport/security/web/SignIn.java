package io.rapport.security.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.account.AccountService;
import io.rapport.account.PasswordHasher;
import io.rapport.account.UserAccount;
import io.rapport.account.UserAccountRepository;

/** Signs an existing account in, by password or by an identity provider's word, into a Rapport web session. */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class);
    /** Longer passwords are refused without reading the database; bcrypt still runs so timing stays the same. */
    private static final int MAX_PASSWORD_INPUT = 1024;

    private final UserAccountRepository accounts;
    private final WebSessionService sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public SignIn(UserAccountRepository accounts, WebSessionService sessions, PasswordHasher hasher,
            LoginThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * Checks a password and starts a web session. The password check runs outside any transaction: bcrypt is
     * slow on purpose and must not hold a database connection.
     */
    public LoginOutcome login(String address, String username, String password) {
        String name = AccountService.normalize(username);
        Optional<Duration> wait = throttle.retryAfter(address, name);
        if (wait.isPresent()) {
            return new LoginOutcome.Throttled(wait.get());
        }
        boolean plausible = !name.isEmpty() && name.length() <= AccountService.MAX_USERNAME && password != null
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
        return new LoginOutcome.Success(
                QuarkusTransaction.requiringNew().call(() -> startSession(account.organizationId, account.id)));
    }

    /**
     * Starts a web session for the account an organization's identity provider vouched for: the same session as
     * a password login. Only an existing, active account of that organization qualifies; nothing is created.
     */
    @Transactional
    public Optional<String> loginVouchedFor(UUID organizationId, String username) {
        String name = AccountService.normalize(username);
        if (name.isEmpty() || name.length() > AccountService.MAX_USERNAME) {
            return Optional.empty();
        }
        return accounts.findByUsername(name)
                .filter(a -> a.organizationId.equals(organizationId) && a.active)
                .map(a -> startSession(a.organizationId, a.id));
    }

    private String startSession(UUID organizationId, UUID accountId) {
        UserAccount current = accounts.findInOrganization(organizationId, accountId).orElseThrow();
        current.lastLoginAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return sessions.start(current);
    }
}
