package io.rapport.delivery.form;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.rapport.common.error.ApiException;
import io.rapport.common.web.FormBody;
import io.rapport.delivery.ClientAddress;
import io.rapport.delivery.FormMessages;
import io.rapport.delivery.FormTexts;
import io.vertx.core.http.HttpServerRequest;

/**
 * The client's form in the browser, without JavaScript if need be. The link token is traded for a cookie at once
 * so it does not linger in the address bar, history or Referer; every page is uncacheable and locked down by CSP.
 */
@Path("/f")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class FormResource {

    static final String COOKIE = "__Host-rapport-form";
    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final FormVisits visits;
    private final Template form;
    private final Template message;
    private final Template opening;
    private final HttpServerRequest http;
    private final FormTexts texts;

    public FormResource(FormVisits visits, FormTexts texts, @Location("form/form.html") Template form,
            @Location("form/message.html") Template message, @Location("form/opening.html") Template opening,
            HttpServerRequest http) {
        this.visits = visits;
        this.texts = texts;
        this.form = form;
        this.message = message;
        this.opening = opening;
        this.http = http;
    }

    @GET
    @Path("/{token}")
    public Response open(@PathParam("token") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return render(visits.open(token, ClientAddress.of(http), acceptLanguage));
    }

    /**
     * Without the cookie, first bounce once through a same-site page: a SameSite=Strict cookie is not sent on a
     * redirect that began with a click in another site (a mail app), but is on a navigation started here.
     */
    @GET
    public Response show(@CookieParam(COOKIE) String cookie, @QueryParam("r") String retried,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if ((cookie == null || cookie.isEmpty()) && retried == null) {
            String lang = FormTexts.choose(null, acceptLanguage);
            FormMessages m = texts.in(lang);
            return secure(Response.ok(opening.data("lang", lang).data("title", m.opening())
                    .data("cont", m.cont()).render())).build();
        }
        return render(visits.show(cookie, acceptLanguage));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@CookieParam(COOKIE) String cookie, MultivaluedMap<String, String> body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Map<String, String> fields = FormBody.firstValues(body);
        try {
            return render(visits.submit(cookie, fields, acceptLanguage));
        } catch (ApiException e) {
            if (e.status() == 409 || e.status() == 410) {
                // Another tab or tap won, or the link expired meanwhile: the page shows what is true now.
                return render(new FormVisits.Redirect("/f", null, 0));
            }
            throw e;
        }
    }

    private Response render(FormVisits.Outcome outcome) {
        if (outcome instanceof FormVisits.Redirect r) {
            Response.ResponseBuilder b = Response.seeOther(URI.create(r.location()));
            if (r.cookie() != null) {
                b.header(HttpHeaders.SET_COOKIE, COOKIE + "=" + r.cookie() + "; Path=/; Max-Age="
                        + r.cookieMaxAgeSeconds() + "; Secure; HttpOnly; SameSite=Strict");
            }
            return secure(b).build();
        }
        if (outcome instanceof FormVisits.Message m) {
            Response.ResponseBuilder b = Response.status(m.status()).entity(message.data("m", m.view()).render());
            if (m.retryAfterSeconds() != null) {
                b.header(HttpHeaders.RETRY_AFTER, m.retryAfterSeconds());
            }
            return secure(b).build();
        }
        FormVisits.Page p = (FormVisits.Page) outcome;
        return secure(Response.status(p.status()).entity(form.data("v", p.view()).render())).build();
    }

    private static Response.ResponseBuilder secure(Response.ResponseBuilder b) {
        return b.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff");
    }
}
