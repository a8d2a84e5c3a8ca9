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
        // Open311's multipart POST with one 'media' image (the GeoReport v2.1 draft): one file and the form.
        long mediaLimit = config.maxFileSize().asLongValue() + 64 * 1024;
        router.postWithRegex("/open311/v2/requests\\.(json|xml)").order(-11).handler(context -> {
            String type = context.request().getHeader("Content-Type");
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
                context.put(BodySizeLimit.LIMIT_KEY, mediaLimit);
            }
            context.next();
        });
    }
}
