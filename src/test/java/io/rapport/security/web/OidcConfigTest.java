package io.rapport.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

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
        assertThat(providers("acme", "http://127.0.0.1:8180/realms/test", "rapport").configured("acme")).isTrue();
    }

    private static OidcProviders providers(String slug, String issuer, String clientId) {
        String prefix = "rapport.security.oidc.\"" + slug + "\".";
        return new OidcProviders(config(Map.of(prefix + "issuer", issuer, prefix + "client-id", clientId), Map.of()),
                new ObjectMapper());
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
