package io.rapport.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class UserAccountRepository implements OrganizationScoped<UserAccount> {

    /** Logins search every organization: usernames are globally unique. */
    public Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public boolean usernameTaken(String username) {
        return count("username", username) > 0;
    }

    public List<UserAccount> page(UUID organizationId, int page, int size) {
        return find("organizationId", Sort.by("createdAt").and("id"), organizationId)
                .page(Page.of(page, size)).list();
    }
}
