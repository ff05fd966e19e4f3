package io.rapport.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.rapport.security.Secrets;
import io.rapport.security.SecurityConfig;

/** bcrypt hashing, with a decoy hash so that an unknown username costs as much time as a wrong password. */
@ApplicationScoped
public class PasswordHasher {

    static final int MIN_COST = 10;

    private final int cost;
    private final String decoy;

    public PasswordHasher(SecurityConfig config) {
        this.cost = config.web().bcryptCost();
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalStateException("rapport.security.web.bcrypt-cost must be between " + MIN_COST + " and 31");
        }
        this.decoy = BcryptUtil.bcryptHash(Secrets.newToken(), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Checks the password against the hash, or against the decoy when there is no account. */
    public boolean matches(String password, String hashOrNull) {
        boolean match = BcryptUtil.matches(password, hashOrNull == null ? decoy : hashOrNull);
        return match && hashOrNull != null;
    }
}
