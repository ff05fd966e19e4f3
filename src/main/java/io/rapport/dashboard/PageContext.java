package io.rapport.dashboard;

import io.quarkus.security.ForbiddenException;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import io.rapport.security.SignedIn;
import io.rapport.security.web.WebCookies;

/** What every signed-in page needs: who is signed in, and the CSRF token its forms carry. */
public record PageContext(String username, boolean admin, String csrf) {

    public static PageContext of(Caller caller) {
        SignedIn signedIn = caller.signedIn().orElseThrow(ForbiddenException::new);
        return new PageContext(signedIn.username(), caller.hasRole(Roles.ADMIN), signedIn.csrfToken());
    }

    /**
     * The web session behind a form post, once the form's CSRF token matches it.
     *
     * @throws ForbiddenException without a web session, or with another token
     */
    public static SignedIn checkCsrf(Caller caller, String csrf) {
        SignedIn signedIn = caller.signedIn().orElseThrow(ForbiddenException::new);
        if (!WebCookies.sameToken(signedIn.csrfToken(), csrf)) {
            throw new ForbiddenException();
        }
        return signedIn;
    }
}
