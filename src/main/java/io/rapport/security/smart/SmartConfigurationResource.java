package io.rapport.security.smart;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.rapport.fhir.CapabilityContributor;

/** SMART's discovery document; public, since clients read it before they have a token. */
@Path("/.well-known/smart-configuration")
@Tag(name = "SMART")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SmartConfigurationResource {

    /** The discovery document (SMART App Launch 2.x, "Conformance"), limited to what Backend Services use. */
    public record SmartConfiguration(@JsonProperty("token_endpoint") String tokenEndpoint,
            @JsonProperty("token_endpoint_auth_methods_supported") List<String> authMethods,
            @JsonProperty("token_endpoint_auth_signing_alg_values_supported") List<String> signingAlgorithms,
            @JsonProperty("grant_types_supported") List<String> grantTypes,
            @JsonProperty("scopes_supported") List<String> scopes, List<String> capabilities) {
    }

    private final SmartClientService clients;
    private final TokenService tokens;
    private final Instance<CapabilityContributor> capabilities;

    public SmartConfigurationResource(SmartClientService clients, TokenService tokens,
            Instance<CapabilityContributor> capabilities) {
        this.clients = clients;
        this.tokens = tokens;
        this.capabilities = capabilities;
    }

    @GET
    @Operation(summary = "SMART configuration: token endpoint, client authentication, algorithms, scopes")
    public SmartConfiguration configuration() {
        return new SmartConfiguration(clients.tokenEndpoint(), List.of("private_key_jwt"), tokens.algorithms(),
                List.of(TokenService.GRANT_TYPE), scopes(), List.of("client-confidential-asymmetric"));
    }

    /** The wildcards, then read and write of each resource type the CapabilityStatement lists. */
    private List<String> scopes() {
        CapabilityStatementRestComponent rest = new CapabilityStatementRestComponent();
        capabilities.forEach(c -> c.contribute(rest));
        List<String> scopes = new ArrayList<>(List.of("system/*.read", "system/*.write", "system/*.*"));
        rest.getResource().stream().map(r -> r.getType()).distinct().sorted()
                .forEach(type -> scopes.addAll(List.of("system/" + type + ".read", "system/" + type + ".write")));
        return scopes;
    }
}
