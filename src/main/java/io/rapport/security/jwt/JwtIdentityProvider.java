package io.rapport.security.jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.rapport.security.IdentityAttributes;
import io.rapport.security.Roles;
import io.rapport.security.Scopes;
import io.rapport.security.SecurityConfig;
import io.rapport.tenancy.Organization;
import io.rapport.tenancy.OrganizationRepository;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;

/**
 * Turns a JWT of the configured identity provider into an EHR identity: signature, issuer, audience and expiry
 * checked by SmallRye JWT; the organization from {@code rapport_org} (UUID or slug); scopes from {@code scope}.
 */
/* Started eagerly so that a misconfiguration stops the start instead of the first request. */
@Startup
@ApplicationScoped
public class JwtIdentityProvider implements IdentityProvider<JwtCredential> {

    private static final Logger LOG = Logger.getLogger(JwtIdentityProvider.class);
    /** Far above any real token; bounds the work spent on garbage. */
    static final int MAX_TOKEN_LENGTH = 16_384;
    private static final String PEM_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----";

    private final SecurityConfig.Jwt config;
    private final OrganizationRepository organizations;
    private final DefaultJWTParser parser;

    public JwtIdentityProvider(SecurityConfig security, OrganizationRepository organizations) {
        this.config = security.jwt();
        this.organizations = organizations;
        // A factory of its own: the shared one caches the first key resolver it builds, whatever its configuration.
        this.parser = config.enabled()
                ? new DefaultJWTParser(contextOf(config), new DefaultJWTCallerPrincipalFactory())
                : null;
    }

    @Override
    public Class<JwtCredential> getRequestType() {
        return JwtCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(JwtCredential request, AuthenticationRequestContext context) {
        if (parser == null || request.token().length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        // Blocking: a JWKS URL may be fetched, and the organization is looked up in the database.
        return context.runBlocking(() -> {
            JsonWebToken jwt;
            try {
                jwt = parser.parse(request.token());
            } catch (ParseException e) {
                LOG.debugf("Bearer JWT rejected: %s", e.getMessage());
                throw new AuthenticationFailedException();
            }
            Object orgClaim = jwt.getClaim(config.organizationClaim());
            UUID organization = orgClaim == null ? null
                    : QuarkusTransaction.requiringNew().call(() -> organizationOf(String.valueOf(orgClaim)));
            if (organization == null) {
                LOG.debugf("Bearer JWT of %s names no known organization", jwt.getSubject());
                throw new AuthenticationFailedException();
            }
            Object scope = jwt.getClaim("scope");
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("jwt:" + jwt.getIssuer() + "#" + jwt.getName()))
                    .addRole(Roles.EHR)
                    .addAttribute(IdentityAttributes.ORGANIZATION, organization)
                    .addAttribute(Scopes.ATTRIBUTE, scope == null ? Set.of() : Scopes.parse(scope.toString()))
                    .build();
        });
    }

    private UUID organizationOf(String value) {
        Optional<Organization> found;
        try {
            found = organizations.findByIdOptional(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            found = organizations.bySlug(value);
        }
        return found.map(o -> o.id).orElse(null);
    }

    static JWTAuthContextInfo contextOf(SecurityConfig.Jwt config) {
        String issuer = config.issuer().filter(s -> !s.isBlank())
                .orElseThrow(() -> misconfigured("rapport.security.jwt.issuer is required"));
        String audience = config.audience().filter(s -> !s.isBlank())
                .orElseThrow(() -> misconfigured("rapport.security.jwt.audience is required"));
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(issuer);
        info.setExpectedAudience(Set.of(audience));
        if (config.publicKey().isPresent()) {
            String key = config.publicKey().get().strip();
            if (key.startsWith(PEM_PUBLIC_KEY)) {
                info.setPublicVerificationKey(pemPublicKey(key));
            } else {
                info.setPublicKeyContent(key);
            }
        } else {
            String location = config.publicKeyLocation().orElseThrow(() -> misconfigured(
                    "rapport.security.jwt.public-key-location or rapport.security.jwt.public-key is required"));
            Optional<String> pem = localPem(location);
            if (pem.isPresent()) {
                info.setPublicVerificationKey(pemPublicKey(pem.get()));
            } else {
                info.setPublicKeyLocation(location);
            }
        }
        info.setSignatureAlgorithm(algorithms(config.algorithms()));
        info.setClockSkew((int) config.clockSkew().toSeconds());
        return info;
    }

    /**
     * Decodes a PEM public key by the algorithm its own encoding names. SmallRye would decode it as the key type of
     * whichever allowed algorithm a {@link Set} yields first, so an RSA key failed at random when ES256 was also
     * allowed.
     */
    static PublicKey pemPublicKey(String pem) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.replace(PEM_PUBLIC_KEY, "").replace("-----END PUBLIC KEY-----", ""));
        } catch (IllegalArgumentException e) {
            throw misconfigured("rapport.security.jwt.public-key is not valid PEM: " + e.getMessage());
        }
        for (String type : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // try the next key type
            }
        }
        throw misconfigured("rapport.security.jwt.public-key is neither an RSA nor an EC public key");
    }

    /** A PEM key in a local file; JWK(S) files, classpath resources and URLs are left to SmallRye. */
    private static Optional<String> localPem(String location) {
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        if (location.contains("://") || location.startsWith("classpath:") || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String content = Files.readString(file).strip();
            return content.startsWith(PEM_PUBLIC_KEY) ? Optional.of(content) : Optional.empty();
        } catch (IOException e) {
            throw misconfigured("rapport.security.jwt.public-key-location cannot be read: " + e.getMessage());
        }
    }

    /** Shared-secret (HS*) and unsigned tokens are refused: a leaked public key must never be a signing key. */
    static Set<SignatureAlgorithm> algorithms(Set<String> names) {
        return names.stream().map(n -> n.trim().toUpperCase(Locale.ROOT)).map(n -> {
            if (n.startsWith("HS") || n.equals("NONE")) {
                throw misconfigured("rapport.security.jwt.algorithms may not contain " + n);
            }
            try {
                return SignatureAlgorithm.fromAlgorithm(n);
            } catch (IllegalArgumentException e) {
                throw misconfigured("rapport.security.jwt.algorithms: unknown algorithm " + n);
            }
        }).collect(Collectors.toUnmodifiableSet());
    }

    private static IllegalStateException misconfigured(String message) {
        return new IllegalStateException(message);
    }
}
