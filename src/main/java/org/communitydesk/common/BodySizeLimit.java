package org.communitydesk.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} with a problem+json 413
 * (an Open311 400 under /open311/), before Quarkus' own limit handler (which answers with an empty
 * body) sees the request.
 * A chunked body without Content-Length is still cut off by Quarkus at the same limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(-10).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit) && GeoReportErrors.applies(context.request().path())) {
                GeoReportErrors.Rendered rendered = GeoReportErrors.render(context.request().path(), 413,
                        List.of("The request body is larger than the " + (limit / 1024) + " KB allowed."));
                context.response().setStatusCode(rendered.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, rendered.contentType())
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Buffer.buffer(rendered.body()));
                return;
            }
            if (length != null && isOver(length, limit)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(new JsonObject()
                                .put("type", Problem.TYPE_PREFIX + "payload-too-large")
                                .put("title", "Payload too large")
                                .put("status", 413)
                                .put("detail", "The request body is larger than the " + (limit / 1024) + " KB allowed.")
                                .put("instance", context.request().path())
                                .encode());
                return;
            }
            context.next();
        });
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
