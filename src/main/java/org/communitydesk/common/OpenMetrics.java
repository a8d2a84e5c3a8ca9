package org.communitydesk.common;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers {@code /q/metrics} in the OpenMetrics format to a scraper that asks for it. Quarkus' own route
 * produces {@code application/openmetrics-text; version=1.0.0; charset=utf-8} and Vert.x matches the Accept
 * header's parameters against all of it, so what Prometheus sends ({@code application/openmetrics-text;
 * version=1.0.0}, without charset) got an empty 406. Runs after the HTTP security checks (MetricsAccess).
 */
@ApplicationScoped
public class OpenMetrics {

    @Inject
    PrometheusMeterRegistry registry;

    void install(@Observes Router router) {
        router.get("/q/metrics").order(-5).handler(context -> {
            String accept = context.request().getHeader(HttpHeaders.ACCEPT);
            if (accept == null || !accept.contains("application/openmetrics-text")) {
                context.next();
                return;
            }
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, TextFormat.CONTENT_TYPE_OPENMETRICS_100)
                    .end(registry.scrape(TextFormat.CONTENT_TYPE_OPENMETRICS_100));
        });
    }
}
