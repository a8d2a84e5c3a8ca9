package org.communitydesk.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.communitydesk.common.Hmac;

/**
 * Signed webhooks for integrations, as GitHub and Zammad send them: the event as a JSON document, POSTed with
 * {@value #EVENT}, {@value #DELIVERY} (the idempotency key, the same on every attempt), {@value #TIMESTAMP} (Unix
 * seconds of this attempt) and {@value #SIGNATURE}: {@code sha256=} and the hex HMAC-SHA-256, under the webhook's
 * secret, of {@code timestamp + "." + body}. Signing the timestamp lets a receiver refuse an old request replayed.
 * Any 2xx is accepted; anything else is retried with the outbox's back-off.
 */
@ApplicationScoped
class Webhooks implements Sender {

    static final String EVENT = "X-CommunityDesk-Event";
    static final String DELIVERY = "X-CommunityDesk-Delivery";
    static final String TIMESTAMP = "X-CommunityDesk-Timestamp";
    static final String SIGNATURE = "X-CommunityDesk-Signature-256";

    @Inject
    NotificationConfig config;

    @Inject
    HttpPoster http;

    @Inject
    Clock clock;

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    /** Each webhook carries its own URL and secret. */
    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        URI url = WebAddresses.atSend(message.recipient(), config.allowPrivateAddresses(), "register the webhook again");
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EVENT, message.kind().substring("webhook-".length()));
        headers.put(DELIVERY, message.idempotencyKey());
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, signature(message.secret(), timestamp, message.text()));
        HttpPoster.Answer answer = http.postJson(url, message.text(), headers);
        if (!answer.ok()) {
            throw new DeliveryFailure("The webhook at " + HttpPoster.hostOf(url) + " answered " + answer.status());
        }
    }

    /** {@code sha256=} and hex HMAC-SHA-256 of "timestamp.body" under the secret. */
    static String signature(String secret, String timestamp, String body) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return "sha256=" + HexFormat.of().formatHex(Hmac.of(key, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
