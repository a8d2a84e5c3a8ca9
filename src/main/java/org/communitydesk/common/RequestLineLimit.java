package org.communitydesk.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Refuses a request target (path and query) over {@code communitydesk.http.max-request-line} with an
 * answer that says why: the spec's error list under /open311/ (in the format of the path's suffix, JSON
 * by default), problem+json 414 elsewhere. Vert.x's own limit ({@code quarkus.http.limits.max-initial-line-length})
 * is set far above it: past that one the HTTP decoder drops the line before any path is known, and Vert.x
 * answers a bare 414 that no handler can format.
 */
@ApplicationScoped
public class RequestLineLimit {

    @Inject
    AppConfig config;

    void install(@Observes Router router) {
        long limit = config.http().maxRequestLine().asLongValue();
        router.route().order(-20).handler(context -> {
            String target = context.request().uri();
            if (target == null || target.length() <= limit) {
                context.next();
                return;
            }
            String detail = "The request line is longer than the " + (limit / 1024) + " KB allowed"
                    + " (" + target.length() + " bytes); ask for at most 1000 service_request_id values at a time.";
            String path = context.request().path();
            if (GeoReportErrors.applies(path)) {
                GeoReportErrors.Rendered rendered = GeoReportErrors.render(path, 414, List.of(detail));
                context.response().setStatusCode(rendered.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, rendered.contentType())
                        .end(Buffer.buffer(rendered.body()));
                return;
            }
            context.response().setStatusCode(414)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(new JsonObject()
                            .put("type", Problem.TYPE_PREFIX + "uri-too-long")
                            .put("title", "URI too long")
                            .put("status", 414)
                            .put("detail", "The request line is longer than the " + (limit / 1024) + " KB allowed.")
                            .put("instance", path.length() > 200 ? path.substring(0, 200) : path)
                            .encode());
        });
    }
}
