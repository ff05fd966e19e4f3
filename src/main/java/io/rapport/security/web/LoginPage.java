package io.rapport.security.web;

import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.security.Secrets;

/** The login page, shared by the password form and the identity-provider callback. */
final class LoginPage {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LoginPage() {
    }

    @CheckedTemplate(basePath = "LoginResource")
    static class Templates {
        static native TemplateInstance login(String csrf, String username, String error, String sso);
    }

    /**
     * Renders the form with a login CSRF token: the browser's current one if it has one, else a new one.
     * {@code sso} is the slug of an organization whose identity provider the page offers, or null.
     */
    static Response.ResponseBuilder render(int status, String csrfCookie, String username, String error, String sso) {
        String token = csrfCookie != null && TOKEN.matcher(csrfCookie).matches() ? csrfCookie : Secrets.newToken();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.login(token, username, error, sso))
                .header(HttpHeaders.SET_COOKIE, WebCookies.loginCsrf(token));
    }
}
