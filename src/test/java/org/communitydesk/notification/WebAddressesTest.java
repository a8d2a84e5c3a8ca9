package org.communitydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule for robot and webhook URLs, as plain logic: http(s) only, and no address inside our own network. */
class WebAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.1.2.3/hook",
            "https://172.16.0.1/hook", "https://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/hook", "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook", "http://[::ffff:127.0.0.1]/hook"})
    void internalAddressesAreRefusedUnlessAllowed(String url) {
        assertThat(WebAddresses.refusal(URI.create(url), false)).contains("private");
        assertThat(WebAddresses.refusal(URI.create(url), true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.cn/robot", "file:///etc/passwd", "mailto:a@b.cn", "//no-scheme/hook"})
    void onlyHttpAndHttps(String url) {
        assertThat(WebAddresses.refusal(URI.create(url), true)).isNotNull();
    }

    @Test
    void aWebhookIsCheckedAgainAtSendTimeAndNeverCalledInside() {
        // A name that resolved outside at registration may resolve inside later (DNS rebinding): the sender checks again.
        Webhooks webhooks = new Webhooks();
        webhooks.config = (NotificationConfig) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NotificationConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "allowPrivateAddresses" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        webhooks.clock = java.time.Clock.systemUTC();
        webhooks.http = null; // any call would fail with a NullPointerException, not a DeliveryFailure
        Outgoing message = new Outgoing(1, "key", "T-1", "webhook-REPORTED", ChannelKind.WEBHOOK,
                "http://localhost:9/hook", "secret-secret-secret", "{}", 0, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.send(message))
                .isInstanceOf(DeliveryFailure.class).hasMessageContaining("private");
    }

    @Test
    void aPublicAddressPasses() {
        assertThat(WebAddresses.refusal(URI.create("https://1.1.1.1/robot/send?access_token=x"), false)).isNull();
    }

    @Test
    void dingTalksSignatureMatchesItsDocumentedForm() {
        // HMAC-SHA256 over "timestamp\nsecret", Base64, URL-encoded; computed independently with
        // printf '1700000000000\nSECtest' | openssl dgst -sha256 -hmac SECtest -binary | base64
        assertThat(GroupRobots.DingTalk.sign(1700000000000L, "SECtest"))
                .isEqualTo("aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D");
    }

    @Test
    void phonesAreMaskedToTheFirstThreeAndLastFourDigits() {
        assertThat(Phones.mask("13903521234")).isEqualTo("139****1234");
        assertThat(Phones.mask("+86 139-0352-1234")).isEqualTo("861******1234");
        assertThat(Phones.mask("12345")).isEqualTo("*****");
    }
}
