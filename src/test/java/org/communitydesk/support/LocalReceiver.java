package org.communitydesk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free local port that plays the receivers of notifications (an SMS gateway, group robots,
 * webhooks): it records every request and answers 200 {"errcode":0}, or whatever status a test asked for a path.
 * As a test resource it points the SMS gateway at {@code /sms} and lowers the daily cap to 4.
 */
public class LocalReceiver implements QuarkusTestResourceLifecycleManager {

    /** One request as it arrived. */
    public record Received(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public static final String TOKEN = "Bearer test-gateway-token";
    private static volatile LocalReceiver current;

    private Vertx vertx;
    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    private final Map<String, String> bodyByPath = new ConcurrentHashMap<>();

    public static LocalReceiver current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(request -> request.body().onComplete(body -> {
                Map<String, String> headers = new ConcurrentHashMap<>();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                received.add(new Received(request.method().name(), request.path(), request.query(), headers,
                        body.succeeded() ? body.result().toString("UTF-8") : ""));
                int status = statusByPath.getOrDefault(request.path(), 200);
                String answer = bodyByPath.getOrDefault(request.path(),
                        status == 200 ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"error\":\"test says no\"}");
                request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer);
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The local receiver could not start", e);
        }
        current = this;
        return Map.of(
                "communitydesk.notifications.sms.gateway-url", url("/sms"),
                "communitydesk.notifications.sms.auth-value", TOKEN,
                "communitydesk.notifications.daily-cap", "4");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        current = null;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Requests received so far at a path, in order. */
    public List<Received> at(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    /** From now on, requests to the path get this status (200 again with {@link #answerOk}). */
    public void answer(String path, int status) {
        statusByPath.put(path, status);
    }

    public void answerOk(String path) {
        statusByPath.remove(path);
        bodyByPath.remove(path);
    }

    /** From now on, requests to the path get this status and JSON body (a provider's own answers). */
    public void answer(String path, int status, String json) {
        statusByPath.put(path, status);
        bodyByPath.put(path, json);
    }
}
