package io.rapport.security.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.ForbiddenException;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import io.rapport.security.Secrets;
import io.rapport.security.SignedIn;
import io.vertx.core.http.HttpServerRequest;

/** The login page, login and logout. Every form carries a CSRF token. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    private static final String CSRF_FIELD = "csrf";

    private final SignIn signIn;
    private final WebSessionService sessions;
    private final Caller caller;
    private final OidcLoginService oidc;

    public LoginResource(SignIn signIn, WebSessionService sessions, Caller caller, OidcLoginService oidc) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.caller = caller;
        this.oidc = oidc;
    }

    @GET
    @Path("login")
    @PermitAll
    @Operation(hidden = true)
    public Response form(@CookieParam(WebCookies.LOGIN_CSRF) String csrfCookie, @QueryParam("org") String org) {
        return LoginPage.render(200, csrfCookie, "", null, oidc.configured(org) ? org : null).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam(CSRF_FIELD) String csrf, @CookieParam(WebCookies.LOGIN_CSRF) String csrfCookie,
            @CookieParam(WebCookies.SESSION) String previousSession, @Context HttpServerRequest request) {
        String shownName = username == null ? "" : username;
        if (!WebCookies.sameToken(csrfCookie, csrf)) {
            return page(403, null, shownName, "The form had expired. Please sign in again.");
        }
        LoginOutcome outcome = signIn.login(request.remoteAddress().hostAddress(), username, password);
        if (outcome instanceof LoginOutcome.Success success) {
            // A browser that signs in again gets a new session; the one it had must not live on beside it.
            if (previousSession != null && !previousSession.isEmpty()) {
                sessions.end(Secrets.hash(previousSession));
            }
            return Response.seeOther(URI.create("/app"))
                    .header(HttpHeaders.SET_COOKIE, WebCookies.session(success.sessionToken()))
                    .build();
        }
        if (outcome instanceof LoginOutcome.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds() + 1);
            return Response.fromResponse(page(429, csrfCookie, shownName,
                    "Too many failed attempts. Please wait " + Math.max(1, (seconds + 59) / 60)
                            + " minute(s) and try again."))
                    .header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        return page(401, csrfCookie, shownName, "The username or password is not correct.");
    }

    @POST
    @Path("logout")
    @RolesAllowed({ Roles.ADMIN, Roles.THERAPIST })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam(CSRF_FIELD) String csrf) {
        SignedIn signedIn = caller.signedIn().orElseThrow(ForbiddenException::new);
        if (!WebCookies.sameToken(signedIn.csrfToken(), csrf)) {
            throw new ForbiddenException();
        }
        sessions.end(signedIn.sessionId());
        return Response.seeOther(URI.create("/login"))
                .header(HttpHeaders.SET_COOKIE, WebCookies.clearSession())
                .build();
    }

    private static Response page(int status, String csrfCookie, String username, String error) {
        return LoginPage.render(status, csrfCookie, username, error, null).build();
    }
}
