package io.rapport.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void shouldMatchTheStandardWebhooksReferenceVector() {
        // The vector published with the Standard Webhooks reference libraries.
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldSignIdTimestampAndBodyWithTheDecodedSecret() throws Exception {
        String secret = WebhookSignature.newSecret();
        String body = "{\"type\":\"alert.repair\",\"data\":{\"pairId\":\"p\"}}";

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder()
                .encodeToString(mac.doFinal(("evt-1.1700000000." + body).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(secret, "evt-1", 1700000000L, body)).isEqualTo(expected);
        assertThat(WebhookSignature.sign(secret, "evt-1", 1700000001L, body)).isNotEqualTo(expected);
    }

    @Test
    void shouldCreateSecretsInStandardWebhooksFormat() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void shouldRefuseSecretsWithoutPrefix() {
        assertThatThrownBy(() -> WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id", 1L, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
