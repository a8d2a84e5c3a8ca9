package org.communitydesk.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom (企业微信) and DingTalk (钉钉) group robots: both take {@code {"msgtype":"text","text":{"content":...}}} at
 * the robot's webhook URL and answer {@code {"errcode":0,...}} when they took it. A DingTalk robot with a signing
 * secret wants {@code timestamp} and {@code sign} (Base64 of HMAC-SHA256 over "timestamp\nsecret", URL-encoded) added
 * to the URL. The URL comes from the registered target; it must pass {@link WebAddresses}.
 */
abstract class GroupRobots implements Sender {

    @Inject
    NotificationConfig config;

    @Inject
    HttpPoster http;

    @Inject
    ObjectMapper json;

    /** Robots need no setting of their own: each target carries its URL. */
    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        URI url = WebAddresses.atSend(message.recipient(), config.allowPrivateAddresses(), "correct the target");
        URI target = signed(url, message.secret(), System.currentTimeMillis());
        String body;
        try {
            body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", message.text())));
        } catch (JsonProcessingException e) {
            throw new DeliveryFailure("Could not write the robot's JSON: " + e.getOriginalMessage(), e);
        }
        HttpPoster.Answer answer = http.postJson(target, body, Map.of("X-Idempotency-Key", message.idempotencyKey()));
        if (!answer.ok()) {
            throw new DeliveryFailure(kind() + " robot at " + HttpPoster.hostOf(url) + " answered " + answer.status());
        }
        int errcode = errcode(answer.body());
        if (errcode != 0) {
            throw new DeliveryFailure(kind() + " robot at " + HttpPoster.hostOf(url) + " refused the message: " + answer.body());
        }
    }

    /** The URL as called; only DingTalk signs. */
    URI signed(URI url, String secret, long timestampMillis) {
        return url;
    }

    private int errcode(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.has("errcode") ? node.get("errcode").asInt() : 0;
        } catch (JsonProcessingException e) {
            return 0;
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class WeCom extends GroupRobots {
        @Override
        public ChannelKind kind() {
            return ChannelKind.WECOM;
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class DingTalk extends GroupRobots {
        @Override
        public ChannelKind kind() {
            return ChannelKind.DINGTALK;
        }

        @Override
        URI signed(URI url, String secret, long timestampMillis) {
            if (secret == null || secret.isBlank()) {
                return url;
            }
            String sign = sign(timestampMillis, secret);
            String separator = url.getRawQuery() == null ? "?" : "&";
            return URI.create(url + separator + "timestamp=" + timestampMillis + "&sign=" + sign);
        }

        /** DingTalk's documented signature, URL-encoded. */
        static String sign(long timestampMillis, String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] raw = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
                return URLEncoder.encode(Base64.getEncoder().encodeToString(raw), StandardCharsets.UTF_8);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        }
    }
}
