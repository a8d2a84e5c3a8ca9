package org.communitydesk.photo;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.communitydesk.common.BodySizeLimit;

/**
 * Photo uploads may be far larger than a JSON body: this route, ahead of {@link BodySizeLimit}, raises the
 * limit for them to {@link PhotoConfig#maxRequestSize()}, so that an oversized upload (declared or chunked)
 * still gets a problem+json 413 before anything is parsed.
 */
@ApplicationScoped
public class PhotoUploadLimit {

    @Inject
    PhotoConfig config;

    void install(@Observes Router router) {
        long limit = config.maxRequestSize();
        router.postWithRegex("/api/tickets/[^/]+/photos/?").order(-11).handler(context -> {
            context.put(BodySizeLimit.LIMIT_KEY, limit);
            context.next();
        });
    }
}
