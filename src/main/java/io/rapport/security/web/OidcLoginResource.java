package io.rapport.security.web;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import io.rapport.security.Secrets;
import io.rapport.security.SignedIn;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sign-in through an organization's identity provider: sends the browser there and takes it back. Every failure
 * shows the login page with a short message, never an error page.
 */
@Path("/login/oidc")
@Produces(MediaType.TEXT_HTML)
public class OidcLoginResource {

    private static final Logger LOG = Logger.getLogger(OidcLoginResource.class);
    static final String NOT_CONFIGURED = "Single sign-on is not set up for this organization.";

    private final OidcLoginService oidc;
    private final WebSessionService sessions;

    public OidcLoginResource(OidcLoginService oidc, WebSessionService sessions) {
        this.oidc = oidc;
        this.sessions = sessions;
    }

    @GET
    @Path("{slug}")
    @PermitAll
    @Operation(hidden = true)
    public Response start(@PathParam("slug") String slug, @CookieParam(WebCookies.OIDC_LOGIN) String browser,
            @CookieParam(WebCookies.LOGIN_CSRF) String csrfCookie) {
        Optional<OidcLoginService.Redirect> redirect;
        try {
            redirect = oidc.start(slug, browser);
        } catch (OidcLoginException e) {
            LOG.infof("Could not send a sign-in to the identity provider of %s: %s", slug, e.getMessage());
            return LoginPage.render(401, csrfCookie, "", OidcLoginService.FAILED, slug).build();
        }
        if (redirect.isEmpty()) {
            return LoginPage.render(404, csrfCookie, "", NOT_CONFIGURED, null).build();
        }
        return Response.seeOther(redirect.get().location())
                .header(HttpHeaders.SET_COOKIE, WebCookies.oidcLogin(redirect.get().browserToken(),
                        OidcLoginService.LIFETIME.toSeconds()))
                .build();
    }

    @GET
    @Path("callback")
    @PermitAll
    @Operation(hidden = true)
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @QueryParam("iss") String issuer,
            @CookieParam(WebCookies.OIDC_LOGIN) String browser, @CookieParam(WebCookies.LOGIN_CSRF) String csrfCookie,
            @CookieParam(WebCookies.SESSION) String previousSession, @Context HttpServerRequest request) {
        OidcLoginService.Outcome outcome = oidc.finish(request.remoteAddress().hostAddress(), state, code, error,
                issuer, browser);
        if (outcome instanceof OidcLoginService.Outcome.SignedIn signedIn) {
            // As with a password: a browser that signs in again gets a new session, and the old one ends.
            if (previousSession != null && !previousSession.isEmpty()) {
                sessions.end(Secrets.hash(previousSession));
            }
            return Response.seeOther(URI.create("/app"))
                    .header(HttpHeaders.SET_COOKIE, WebCookies.session(signedIn.sessionToken()))
                    .header(HttpHeaders.SET_COOKIE, WebCookies.clearOidcLogin())
                    .build();
        }
        if (outcome instanceof OidcLoginService.Outcome.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds() + 1);
            return LoginPage.render(429, csrfCookie, "", "Too many failed attempts. Please wait "
                    + Math.max(1, (seconds + 59) / 60) + " minute(s) and try again.", null)
                    .header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        OidcLoginService.Outcome.Refused refused = (OidcLoginService.Outcome.Refused) outcome;
        return LoginPage.render(401, csrfCookie, "", refused.message(), refused.slug())
                .header(HttpHeaders.SET_COOKIE, WebCookies.clearOidcLogin())
                .build();
    }
}
