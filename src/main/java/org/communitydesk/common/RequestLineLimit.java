package org.communitydesk.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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
            RawAnswers.send(context, 414, "uri-too-long", "URI too long", "The request line is longer than the "
                    + (limit / 1024) + " KB allowed (" + target.length() + " bytes); ask for at most 1000"
                    + " service_request_id values at a time.", false);
        });
    }
}
