package org.communitydesk.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.communitydesk.common.BodySizeLimit;
import org.communitydesk.photo.PhotoConfig;

/**
 * The pages' forms that take photos (intake, start, resolve, note) are multipart and may be as large as a photo
 * upload of the API: this route, ahead of {@link BodySizeLimit}, raises their limit to the photos' request limit,
 * for multipart posts only (the same forms sent url-encoded keep the small limit).
 */
@ApplicationScoped
public class PhotoFormLimit {

    static final String PATHS = "/console/intake/?|/console/tickets/[^/]+/(start|resolve|notes)/?";

    @Inject
    PhotoConfig config;

    void install(@Observes Router router) {
        long limit = config.maxRequestSize();
        router.postWithRegex(PATHS).order(-11).handler(context -> {
            String type = context.request().getHeader("Content-Type");
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
                context.put(BodySizeLimit.LIMIT_KEY, limit);
            }
            context.next();
        });
    }
}
