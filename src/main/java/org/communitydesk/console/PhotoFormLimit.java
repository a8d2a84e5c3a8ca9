package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.common.BodySizeLimit;
import org.communitydesk.photo.PhotoConfig;
import org.communitydesk.web.PageLanguage;

/**
 * The pages' forms that take photos (intake, start, resolve, note) are multipart and may be as large as a photo
 * upload of the API: this route, ahead of {@link BodySizeLimit}, raises their limit to the photos' request limit,
 * for multipart posts only (the same forms sent url-encoded keep the small limit). A multipart form over even that limit is
 * refused before it is read, so it cannot come back filled in: the answer is a page in the reader's language that
 * says the photos were too large, states the limits and links back to the form, not the API's problem+json.
 */
@ApplicationScoped
public class PhotoFormLimit {

    static final String PATHS = "/console/intake/?|/console/tickets/[^/]+/(start|resolve|notes)/?";
    private static final Pattern TICKET_FORM = Pattern.compile("/console/tickets/([A-Za-z0-9-]+)/.*");

    @Inject
    PhotoConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tooLarge(String back, int maxFiles, long megabytes, long totalMegabytes);
    }

    void install(@Observes Router router) {
        long limit = config.maxRequestSize();
        BodySizeLimit.TooLarge page = this::tooLarge;
        router.postWithRegex(PATHS).order(-11).handler(context -> {
            String type = context.request().getHeader("Content-Type");
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                context.put(BodySizeLimit.LIMIT_KEY, limit);
                context.put(BodySizeLimit.ANSWER_KEY, page);
            }
            context.next();
        });
    }

    /** 413 as a page: rendered here, before JAX-RS, as the body is not read (so the layout shows no navigation). */
    void tooLarge(RoutingContext context, long limit) {
        var response = context.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        long megabytes = config.maxFileSize().asLongValue() / (1024 * 1024);
        TemplateInstance page = Templates.tooLarge(back(context.request().path()), config.maxFiles(), megabytes,
                megabytes * config.maxFiles());
        page.setLocale(PageLanguage.of(context).locale());
        response.setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader(HttpHeaders.CONNECTION, "close")
                .end(page.render());
    }

    /** The page of the form: the intake, or the ticket whose form it was. */
    static String back(String path) {
        Matcher ticket = TICKET_FORM.matcher(path);
        return ticket.matches() ? "/console/tickets/" + ticket.group(1) : "/console/intake";
    }
}
