package io.rapport.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.security")
public interface SecurityConfig {

    /**
     * An admin API key for the default organization, created at start if missing. Set it through
     * {@code RAPPORT_BOOTSTRAP_API_KEY} to make a first call on a new installation.
     */
    Optional<String> bootstrapApiKey();

    /**
     * The platform operator's API key, set through {@code RAPPORT_OPERATOR_API_KEY}. The operator creates
     * organizations and never sees client data.
     */
    Optional<String> operatorApiKey();

    /** Sustained requests per second allowed for one API key on one instance. */
    @WithDefault("50")
    double apiRequestsPerSecond();

    /** Requests one API key may send in a burst above the sustained rate. */
    @WithDefault("200")
    double apiBurst();

    /**
     * How long an instance trusts an API key it has looked up without looking again (the {@code api-keys} cache). A key revoked
     * in the database
     * keeps working on an instance for at most this long; {@code 0S} looks every key up on every request.
     */
    @WithDefault("5S")
    Duration apiKeyCacheTtl();

    /** Sign-in to the pages with a username and password. */
    Web web();

    /** Bearer JWTs from an external identity provider on the API, next to API keys. */
    Jwt jwt();

    /** SMART Backend Services: client-credentials access tokens for EHR systems on /fhir. */
    Smart smart();

    /**
     * Sign-in to the pages through an organization's own OpenID Connect provider, keyed by the organization's slug:
     * {@code rapport.security.oidc."<slug>".issuer}. Organizations without an entry sign in with passwords only.
     */
    Map<String, Oidc> oidc();

    /** One organization's OpenID Connect provider (authorization code flow with PKCE). */
    interface Oidc {
        /**
         * The provider's issuer URL, exactly as its discovery document and ID tokens state it; the endpoints are
         * read from {@code <issuer>/.well-known/openid-configuration}. Must be https (http only on a loopback
         * address, for tests).
         */
        String issuer();

        /** The client id Rapport is registered under at the provider; ID tokens must name it as audience. */
        String clientId();

        /**
         * The client secret, sent to the token endpoint as {@code client-authentication} says.
         * Set it from the environment, never in a committed file; it is never logged. Without it
         * Rapport is a public client protected by PKCE alone.
         */
        Optional<String> clientSecret();

        /**
         * The ID-token claim holding the username of the existing, active account of this organization to sign
         * in; compared case-insensitively. {@code email} is a common alternative; an {@code email} whose
         * {@code email_verified} is false is refused.
         */
        @WithDefault("preferred_username")
        String usernameClaim();

        /** Scopes requested next to {@code openid}, which is always requested. */
        @WithDefault("profile,email")
        List<String> scopes();

        /**
         * How the client secret reaches the token endpoint: {@code basic} (HTTP Basic, the OAuth default) or
         * {@code post} (in the form body), as the provider's {@code token_endpoint_auth_methods_supported} allows.
         */
        @WithDefault("basic")
        ClientAuthentication clientAuthentication();

        /**
         * The key (at least 32 characters) that encrypts the sign-in's state cookie, which holds the PKCE verifier
         * and the nonce. Without it each process draws a random key at start, so a sign-in must come back to the
         * instance that started it: set the same value on every instance behind a load balancer.
         */
        Optional<String> stateSecret();
    }

    /** Client authentication at the token endpoint (RFC 6749 2.3.1). */
    enum ClientAuthentication {
        BASIC,
        POST
    }

    interface Jwt {
        /** Accept JWTs; when false a JWT is treated as an unknown API key (401). */
        @WithDefault("false")
        boolean enabled();

        /** The required {@code iss} claim. */
        Optional<String> issuer();

        /** The required {@code aud} claim (one of the token's audiences). */
        Optional<String> audience();

        /** Where the verification key is: a PEM or JWK(S) file, or an https JWKS URL. */
        Optional<String> publicKeyLocation();

        /** The verification key itself (PEM or JWK(S)), instead of {@link #publicKeyLocation()}. */
        Optional<String> publicKey();

        /** Accepted signature algorithms; HS* (shared secrets) and none are refused at start. */
        @WithDefault("RS256,ES256")
        Set<String> algorithms();

        /** Tolerated clock difference when checking {@code exp}, {@code nbf} and {@code iat}. */
        @WithDefault("30S")
        Duration clockSkew();

        /** The claim naming the caller's organization: its UUID or slug. */
        @WithDefault("rapport_org")
        String organizationClaim();
    }

    interface Smart {
        /** How long an access token from {@code POST /oauth/token} works. */
        @WithDefault("300S")
        Duration accessTokenLifetime();

        /**
         * Signature algorithms accepted on client assertions. SMART requires RS384 and ES384; HS* and none are
         * refused at start.
         */
        @WithDefault("RS384,ES384")
        Set<String> algorithms();

        /** Tolerated clock difference when checking a client assertion's {@code exp}, {@code nbf} and {@code iat}. */
        @WithDefault("30S")
        Duration clockSkew();

        /**
         * How long a JWKS fetched from a client's {@code jwksUrl} is used before it is fetched again. An assertion
         * naming a {@code kid} the cached copy lacks fetches it again sooner, at most every 30 seconds.
         */
        @WithDefault("5M")
        Duration jwksCacheTtl();

        /** How often expired access tokens and used assertion ids are deleted. */
        @WithDefault("10M")
        Duration purgeInterval();
    }

    interface Web {
        /** A web session unused for this long ends; the next request goes to the login page. */
        @WithDefault("30M")
        Duration idleTimeout();

        /** A web session ends this long after login, however active it is. */
        @WithDefault("12H")
        Duration absoluteTimeout();

        /** The bcrypt cost of new password hashes; at least 10. */
        @WithDefault("12")
        int bcryptCost();

        /** Failed logins for one username within {@link #failureWindow()} before further attempts get 429. */
        @WithDefault("5")
        int maxFailuresPerUsername();

        /**
         * Failed logins from one address within {@link #failureWindow()} before further attempts get 429. Higher
         * than the per-username limit because a clinic's staff often share one public address.
         */
        @WithDefault("50")
        int maxFailuresPerAddress();

        /** How long a failed login counts against its username and address. */
        @WithDefault("5M")
        Duration failureWindow();
    }
}
