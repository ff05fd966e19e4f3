package io.rapport.security.smart;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.RapportConfig;
import io.rapport.common.error.ApiException;
import io.rapport.common.web.Page;

/** Registers, lists and disables an organization's SMART backend clients. */
@ApplicationScoped
public class SmartClientService {

    private static final Logger LOG = Logger.getLogger(SmartClientService.class);
    /** The path of the token endpoint; its full URL (with {@code rapport.public-url}) is the assertions' aud. */
    public static final String TOKEN_PATH = "/oauth/token";

    private final SmartClientRepository clients;
    private final SmartTokenStore tokens;
    private final ClientKeys keys;
    private final ObjectMapper json;
    private final String tokenEndpoint;

    public SmartClientService(SmartClientRepository clients, SmartTokenStore tokens, ClientKeys keys,
            ObjectMapper json, RapportConfig config) {
        this.clients = clients;
        this.tokens = tokens;
        this.keys = keys;
        this.json = json;
        this.tokenEndpoint = config.publicUrl() + TOKEN_PATH;
    }

    /** The token endpoint's URL, which assertions must name as {@code aud}. */
    public String tokenEndpoint() {
        return tokenEndpoint;
    }

    /**
     * Registers a client after checking its scopes and its keys (a JWKS URL is fetched now, so a wrong one is
     * refused here instead of at the first token request). Nothing is stored on a 422.
     */
    @Transactional
    public SmartClientView register(UUID organizationId, SmartClientRequest request) {
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < request.scopes().size(); i++) {
            String scope = request.scopes().get(i);
            int index = i;
            SmartScopes.problem(scope).ifPresent(p -> {
                throw ApiException.unprocessable("scopes[" + index + "]", "unknown scope: " + p);
            });
            scopes.add(scope);
        }
        boolean byUrl = request.jwksUrl() != null && !request.jwksUrl().isBlank();
        boolean inline = request.jwks() != null && !request.jwks().isNull();
        if (byUrl == inline) {
            throw ApiException.unprocessable(byUrl ? "jwks" : "jwksUrl", "give exactly one of jwksUrl and jwks");
        }
        String jwks = null;
        if (byUrl) {
            keys.fetchChecked("jwksUrl", request.jwksUrl());
        } else {
            if (!request.jwks().isObject()) {
                throw ApiException.unprocessable("jwks", "must be a JWKS object: {\"keys\": [...]}");
            }
            jwks = request.jwks().toString();
            if (jwks.length() > ClientKeys.MAX_JWKS_BYTES) {
                throw ApiException.unprocessable("jwks", "must be at most " + ClientKeys.MAX_JWKS_BYTES + " characters");
            }
            ClientKeys.parseChecked("jwks", jwks);
        }
        SmartClient client = new SmartClient();
        client.id = UUID.randomUUID();
        client.organizationId = organizationId;
        client.name = request.name().trim();
        client.jwksUrl = byUrl ? request.jwksUrl() : null;
        client.jwks = jwks;
        client.scopes = SmartScopes.format(scopes);
        client.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clients.persist(client);
        LOG.infof("Registered SMART client %s", client.id);
        return view(client);
    }

    @Transactional
    public Page<SmartClientView> list(UUID organizationId, Page.Request paging) {
        List<SmartClientView> items = clients.page(organizationId, paging.page(), paging.size()).stream()
                .map(this::view).toList();
        return new Page<>(items, paging.page(), paging.size(), clients.countInOrganization(organizationId));
    }

    @Transactional
    public SmartClientView get(UUID organizationId, UUID clientId) {
        return view(clients.findInOrganization(organizationId, clientId)
                .orElseThrow(() -> ApiException.notFound("SMART client")));
    }

    /** Disables the client: no more tokens, and its tokens stop working now; disabling again changes nothing. */
    @Transactional
    public SmartClientView disable(UUID organizationId, UUID clientId) {
        SmartClient client = clients.lockInOrganization(organizationId, clientId)
                .orElseThrow(() -> ApiException.notFound("SMART client"));
        if (client.disabledAt == null) {
            client.disabledAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            tokens.revokeTokens(organizationId, clientId);
            LOG.infof("Disabled SMART client %s", clientId);
        }
        return view(client);
    }

    private SmartClientView view(SmartClient c) {
        JsonNode jwks;
        try {
            jwks = c.jwks == null ? null : json.readTree(c.jwks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JWKS is always valid JSON", e);
        }
        return new SmartClientView(c.id, c.name, c.jwksUrl, jwks, List.of(c.scopes.split(" ")), tokenEndpoint,
                c.createdAt, c.disabledAt, c.disabledAt == null);
    }
}
