package io.rapport.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;

class WebhookUrlValidatorTest {

    /** Fake DNS for the example.org names, so that the test needs no network. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "hooks.example.org" -> new InetAddress[] { InetAddress.getByName("93.184.215.14") };
            case "rebind.example.org" -> new InetAddress[] { InetAddress.getByName("93.184.215.14"),
                    InetAddress.getByName("10.1.2.3") };
            case "metadata.example.org" -> new InetAddress[] { InetAddress.getByName("169.254.169.254") };
            case "missing.example.org" -> throw new UnknownHostException(host);
            default -> InetAddress.getAllByName(host);
        };
    }

    private final WebhookUrlValidator strict = new WebhookUrlValidator(false, WebhookUrlValidatorTest::resolve);
    private final WebhookUrlValidator lenient = new WebhookUrlValidator(true, WebhookUrlValidatorTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1/hook", "http://127.8.9.1/hook", "http://localhost:8080/hook",
            "http://10.0.0.5/hook", "http://172.16.0.1/hook", "http://172.31.255.255/hook", "http://192.168.1.10/hook",
            "http://100.64.0.1/hook", "http://100.127.255.254/hook", "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/hook", "http://0.1.2.3/hook", "http://[::1]/hook", "http://[fc00::1]/hook",
            "http://[fd12:3456::1]/hook", "http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]/hook",
            "http://[::ffff:10.0.0.1]/hook", "http://[64:ff9b::a00:1]/hook", "http://[2002:c0a8:101::1]/hook",
            "http://[::]/hook", "http://224.0.0.1/hook", "http://255.255.255.255/hook",
            "https://metadata.example.org/hook", "https://rebind.example.org/hook" })
    void shouldRefuseNonPublicAddressesWhenNotAllowed(String url) {
        assertRefused(() -> strict.check(url), "loopback, private or link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://hooks.example.org/rapport", "http://93.184.215.14:8443/x?y=1",
            "https://[2606:4700:4700::1111]/hook", "http://100.128.0.1/hook", "http://172.32.0.1/hook" })
    void shouldAcceptPublicAddresses(String url) {
        assertThat(strict.check(url).toString()).isEqualTo(url);
    }

    @Test
    void shouldAcceptLoopbackWhenTheInstallationAllowsIt() {
        assertThat(lenient.check("http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
        assertThat(lenient.check("http://localhost/hook").getHost()).isEqualTo("localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://hooks.example.org/x", "file:///etc/passwd", "gopher://hooks.example.org/",
            "javascript:alert(1)", "hooks.example.org/x", "/relative" })
    void shouldRefuseOtherSchemes(String url) {
        assertRefused(() -> lenient.check(url), "http or https");
    }

    @Test
    void shouldRefuseMalformedLongAndUnusableUrls() {
        assertRefused(() -> lenient.check("http://exa mple.org/"), "not a valid URL");
        assertRefused(() -> lenient.check(""), "required");
        assertRefused(() -> lenient.check(null), "required");
        assertRefused(() -> lenient.check("https://hooks.example.org/" + "a".repeat(2048)), "at most 2048");
        assertRefused(() -> lenient.check("https://user:pw@hooks.example.org/"), "credentials");
        assertRefused(() -> lenient.check("https://missing.example.org/"), "does not resolve");
        assertRefused(() -> lenient.check("https:///path-only"), "host");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("url");
            assertThat(e.errors().get(0).message()).contains(message);
        });
    }
}
