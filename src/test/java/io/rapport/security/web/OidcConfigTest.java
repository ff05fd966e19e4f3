package io.rapport.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret;
import io.quarkus.runtime.configuration.DurationConverter;
import io.rapport.security.SecurityConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** How an organization's provider is configured: per slug, with the client secret from the environment. */
class OidcConfigTest {

    @Test
    void shouldReadAProviderOfASlugWithoutDashesFromTheEnvironmentAlone() {
        SecurityConfig.Oidc oidc = config(Map.of(), Map.of(
                "RAPPORT_SECURITY_OIDC__ACME__ISSUER", "https://login.acme.example",
                "RAPPORT_SECURITY_OIDC__ACME__CLIENT_ID", "rapport",
                "RAPPORT_SECURITY_OIDC__ACME__CLIENT_SECRET", "from-the-environment"))
                .oidc().get("acme");
        assertThat(oidc).isNotNull();
        assertThat(oidc.issuer()).isEqualTo("https://login.acme.example");
        assertThat(oidc.clientSecret()).contains("from-the-environment");
        assertThat(oidc.usernameClaim()).isEqualTo("preferred_username");
        assertThat(oidc.scopes()).containsExactly("profile", "email");
    }

    /** An environment variable cannot spell a dash in a map key, so a dashed slug names its secret's variable. */
    @Test
    void shouldTakeTheSecretOfADashedSlugFromAnEnvironmentVariableNamedInAPropertiesFile() {
        SecurityConfig config = config(Map.of(
                "rapport.security.oidc.\"acme-clinic\".issuer", "https://login.acme.example",
                "rapport.security.oidc.\"acme-clinic\".client-id", "rapport",
                "rapport.security.oidc.\"acme-clinic\".username-claim", "email",
                "rapport.security.oidc.\"acme-clinic\".client-secret", "${ACME_CLINIC_OIDC_SECRET}"),
                Map.of("ACME_CLINIC_OIDC_SECRET", "from-the-environment"));
        assertThat(config.oidc()).containsOnlyKeys("acme-clinic");
        assertThat(config.oidc().get("acme-clinic").clientSecret()).contains("from-the-environment");
        assertThat(config.oidc().get("acme-clinic").usernameClaim()).isEqualTo("email");
    }

    @Test
    void shouldStopTheStartOnAMisconfiguredProvider() {
        assertThatThrownBy(() -> providers("acme", "http://login.acme.example", "rapport"))
                .hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> providers("acme", "https://login.acme.example", " "))
                .hasMessageContaining("client-id is required");
        assertThatThrownBy(() -> providers("callback", "https://login.acme.example", "rapport"))
                .hasMessageContaining("not an organization slug");
        assertThatThrownBy(() -> providers("Acme", "https://login.acme.example", "rapport"))
                .hasMessageContaining("not an organization slug");
        assertThatThrownBy(() -> providers("acme", "https://login.acme.example", "rapport",
                Map.of("state-secret", "too-short")))
                .hasMessageContaining("state-secret must be at least 32 characters");
        assertThat(providers("acme", "http://127.0.0.1:8180/realms/test", "rapport").configured("acme")).isTrue();
    }

    @Test
    void shouldBuildOneQuarkusOidcTenantPerSlugWithPkceNonceAndTheSharedCallback() {
        OidcTenants tenants = providers("acme", "https://login.acme.example", "rapport",
                Map.of("client-secret", "s3cret", "client-authentication", "post", "scopes", "openid,email, email"));
        var tenant = tenants.tenant("acme");
        assertThat(tenant.tenantId()).contains("acme");
        assertThat(tenant.authServerUrl()).contains("https://login.acme.example");
        assertThat(tenant.authentication().redirectPath()).contains("https://rapport.example/login/oidc/callback");
        assertThat(tenant.authentication().pkceRequired()).contains(true);
        assertThat(tenant.authentication().nonceRequired()).isTrue();
        assertThat(tenant.authentication().scopes()).contains(List.of("email"));
        assertThat(tenant.authentication().stateSecret()).hasValueSatisfying(s -> assertThat(s).hasSizeGreaterThan(32));
        assertThat(tenant.credentials().clientSecret().method()).contains(Secret.Method.POST);
        assertThat(tenant.token().issuer()).contains("https://login.acme.example");
        assertThat(tenants.tenant("other")).isNull();
    }

    private static OidcTenants providers(String slug, String issuer, String clientId) {
        return providers(slug, issuer, clientId, Map.of());
    }

    private static OidcTenants providers(String slug, String issuer, String clientId, Map<String, String> more) {
        String prefix = "rapport.security.oidc.\"" + slug + "\".";
        Map<String, String> properties = new java.util.HashMap<>(Map.of(prefix + "issuer", issuer,
                prefix + "client-id", clientId));
        more.forEach((k, v) -> properties.put(prefix + k, v));
        return new OidcTenants(config(properties, Map.of()), "https://rapport.example/");
    }

    private static SecurityConfig config(Map<String, String> properties, Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(SecurityConfig.class)
                .build();
        return config.getConfigMapping(SecurityConfig.class);
    }
}
