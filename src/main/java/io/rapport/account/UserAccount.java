package io.rapport.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in to the pages: a therapist or an organization admin. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    /** Stored in lower case: unique across organizations because the login form asks for nothing else. */
    public String username;
    /** bcrypt in modular crypt format; the password itself is never stored. */
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    /** The therapist whose pairs this account sees; required for the therapist role. */
    @Column(name = "therapist_id")
    public UUID therapistId;
    public boolean active = true;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_login_at")
    public Instant lastLoginAt;
}
