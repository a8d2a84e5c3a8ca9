package org.communitydesk.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generic HTTP SMS gateway: POST {@code {"to", "text", "idempotencyKey"}} as JSON to
 * {@code communitydesk.notifications.sms.gateway-url}, the credential in the configured header, the key also in
 * {@code Idempotency-Key}. Any 2xx is taken as accepted. Off while the URL is unset.
 */
@ApplicationScoped
class SmsGateway implements Sender {

    @Inject
    NotificationConfig config;

    @Inject
    HttpPoster http;

    @Inject
    ObjectMapper json;

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public boolean configured() {
        return config.sms().gatewayUrl().isPresent();
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        URI url = config.sms().gatewayUrl().orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.recipient());
        body.put("text", message.text());
        body.put("idempotencyKey", message.idempotencyKey());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", message.idempotencyKey());
        config.sms().authValue().ifPresent(value -> headers.put(config.sms().authHeader(), value));
        HttpPoster.Answer answer;
        try {
            answer = http.postJson(url, json.writeValueAsString(body), headers);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailure("Could not write the gateway's JSON: " + e.getOriginalMessage(), e);
        }
        if (!answer.ok()) {
            throw new DeliveryFailure("The SMS gateway " + HttpPoster.hostOf(url) + " answered " + answer.status() + ": "
                    + answer.body());
        }
    }
}
