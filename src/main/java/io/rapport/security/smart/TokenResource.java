package io.rapport.security.smart;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The OAuth 2.0 token endpoint of SMART Backend Services; the client authenticates with its assertion alone. */
@Path(SmartClientService.TOKEN_PATH)
@Tag(name = "SMART")
@PermitAll
public class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trade a signed client assertion for an access token (client_credentials, private_key_jwt)", description = """
            Form: grant_type=client_credentials, scope=system/*.read, client_assertion_type=
            urn:ietf:params:oauth:client-assertion-type:jwt-bearer, client_assertion=<JWT signed with a key of the
            client's JWKS: iss = sub = client_id, aud = this URL, exp at most 5 minutes ahead, a fresh jti>.
            Errors as RFC 6749 section 5.2.""")
    public Response token(String body) {
        return noStore(Response.ok(tokens.issue(form(body)))).build();
    }

    /**
     * Decodes the form here rather than through {@code @FormParam}: a malformed escape must be an
     * {@code invalid_request}, and the framework's decoder fails with a 500 on it.
     */
    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("the body is not valid application/x-www-form-urlencoded");
        }
        return form;
    }

    @ServerExceptionMapper
    public Response refused(OAuthError e) {
        Response.ResponseBuilder answer = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new TokenErrorResponse(e.error(), e.getMessage()));
        if (e.status() == 401) {
            // RFC 6749 5.2: a 401 names the authentication scheme; the client authenticated in the body.
            answer.header("WWW-Authenticate", "Bearer realm=\"rapport\", error=\"invalid_client\"");
        }
        return noStore(answer).build();
    }

    /** RFC 6749 5.1: token responses must not be cached. */
    private static Response.ResponseBuilder noStore(Response.ResponseBuilder answer) {
        return answer.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
