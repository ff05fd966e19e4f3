package io.rapport.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.rapport.common.error.ApiException;
import io.rapport.common.web.Page;
import io.rapport.security.Roles;

/** Sign-in accounts: created and deactivated by organization admins, used by therapists to log in. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    /** Usernames longer than this were never created; sign-in refuses them without reading the database. */
    public static final int MAX_USERNAME = 64;

    private final UserAccountRepository accounts;
    private final TherapistDirectory therapists;
    private final PasswordHasher hasher;
    private final Event<AccountDeactivated> deactivated;

    public AccountService(UserAccountRepository accounts, TherapistDirectory therapists, PasswordHasher hasher,
            Event<AccountDeactivated> deactivated) {
        this.accounts = accounts;
        this.therapists = therapists;
        this.hasher = hasher;
        this.deactivated = deactivated;
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
        return view(organizationId, account);
    }

    @Transactional
    public Page<AccountView> list(UUID organizationId, Page.Request paging) {
        List<UserAccount> page = accounts.page(organizationId, paging.page(), paging.size());
        Map<UUID, String> ehrIds = therapists.externalIds(organizationId,
                page.stream().map(a -> a.therapistId).filter(Objects::nonNull).toList());
        List<AccountView> items = page.stream().map(a -> view(a, ehrIds)).toList();
        return new Page<>(items, paging.page(), paging.size(), accounts.countInOrganization(organizationId));
    }

    /** Deactivates the account; its web sessions end at once, in this transaction (see {@link AccountDeactivated}). */
    @Transactional
    public AccountView deactivate(UUID organizationId, UUID accountId) {
        UserAccount account = accounts.findInOrganization(organizationId, accountId)
                .orElseThrow(() -> ApiException.notFound("Account"));
        account.active = false;
        deactivated.fire(new AccountDeactivated(organizationId, accountId));
        LOG.infof("Deactivated account %s", accountId);
        return view(organizationId, account);
    }

    private AccountView view(UUID organizationId, UserAccount a) {
        return view(a, a.therapistId == null ? Map.of()
                : therapists.externalIds(organizationId, List.of(a.therapistId)));
    }

    private static AccountView view(UserAccount a, Map<UUID, String> ehrIds) {
        return new AccountView(a.id, a.username, a.role, a.therapistId == null ? null : ehrIds.get(a.therapistId),
                a.active, a.createdAt, a.lastLoginAt);
    }
}
