package org.communitydesk.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON POSTs of the HTTP channels, with the JDK's client: no redirects followed, a timeout on every call. */
@ApplicationScoped
class HttpPoster {

    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    @Inject
    NotificationConfig config;

    private volatile HttpClient client;

    Answer postJson(URI url, String json, Map<String, String> headers) throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body() == null ? "" : response.body();
            return new Answer(response.statusCode(), body.length() <= 300 ? body : body.substring(0, 300));
        } catch (IOException e) {
            throw new DeliveryFailure("No answer from " + hostOf(url) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while sending to " + hostOf(url), e);
        }
    }

    /** Host and port only: a robot's URL carries its access token in the query, which must stay out of errors. */
    static String hostOf(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(config.httpTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                current = client;
            }
        }
        return current;
    }
}
