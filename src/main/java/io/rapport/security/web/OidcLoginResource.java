package io.rapport.security.web;

import java.net.URI;

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

import io.rapport.security.Secrets;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-in through an organization's identity provider: sends the browser there and takes it back. Every failure
 * shows the login page with a short message, never an error page.
 */
@Path("/login/oidc")
@Produces(MediaType.TEXT_HTML)
public class OidcLoginResource {

    static final String NOT_CONFIGURED = "Single sign-on is not set up for this organization.";
    private static final String CLEARED = "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";

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
    public Response start(@PathParam("slug") String slug, @CookieParam(WebCookies.LOGIN_CSRF) String csrfCookie,
            @Context RoutingContext context) {
        OidcLoginService.Outcome outcome = oidc.start(slug, context);
        if (outcome instanceof OidcLoginService.Outcome.Redirect redirect) {
            return Response.seeOther(redirect.location()).build();
        }
        if (outcome instanceof OidcLoginService.Outcome.Refused refused) {
            return LoginPage.render(401, csrfCookie, "", refused.message(), refused.slug()).build();
        }
        return LoginPage.render(404, csrfCookie, "", NOT_CONFIGURED, null).build();
    }

    @GET
    @Path("callback")
    @PermitAll
    @Operation(hidden = true)
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @QueryParam("iss") String issuer,
            @CookieParam(WebCookies.LOGIN_CSRF) String csrfCookie,
            @CookieParam(WebCookies.SESSION) String previousSession, @Context RoutingContext context) {
        OidcLoginService.Outcome outcome = oidc.finish(context.request().remoteAddress().hostAddress(), state, code,
                error, issuer, context);
        if (outcome instanceof OidcLoginService.Outcome.SignedIn signedIn) {
            // As with a password: a browser that signs in again gets a new session, and the old one ends.
            if (previousSession != null && !previousSession.isEmpty()) {
                sessions.end(Secrets.hash(previousSession));
            }
            return Response.seeOther(URI.create("/app"))
                    .header(HttpHeaders.SET_COOKIE, WebCookies.session(signedIn.sessionToken()))
                    .build();
        }
        if (outcome instanceof OidcLoginService.Outcome.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds() + 1);
            return LoginPage.render(429, csrfCookie, "", "Too many failed attempts. Please wait "
                    + Math.max(1, (seconds + 59) / 60) + " minute(s) and try again.", null)
                    .header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        OidcLoginService.Outcome.Refused refused = (OidcLoginService.Outcome.Refused) outcome;
        Response.ResponseBuilder page = LoginPage.render(401, csrfCookie, "", refused.message(), refused.slug());
        // A refused state is spent in this browser too (quarkus-oidc clears it when it checked it itself).
        for (String name : oidc.stateCookies(context, state)) {
            page.header(HttpHeaders.SET_COOKIE, name + CLEARED);
        }
        return page.build();
    }
}
