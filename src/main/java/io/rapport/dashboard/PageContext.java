package io.rapport.dashboard;

import io.quarkus.security.ForbiddenException;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import io.rapport.security.SignedIn;

/** What every signed-in page needs: who is signed in, and the CSRF token its forms carry. */
public record PageContext(String username, boolean admin, String csrf) {

    public static PageContext of(Caller caller) {
        SignedIn signedIn = caller.signedIn().orElseThrow(ForbiddenException::new);
        return new PageContext(signedIn.username(), caller.hasRole(Roles.ADMIN), signedIn.csrfToken());
    }
}
