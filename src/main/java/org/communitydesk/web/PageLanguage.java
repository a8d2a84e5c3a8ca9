package org.communitydesk.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Chooses the language of every page: {@code ?lang=} (which a cookie then remembers), else the cookie,
 * else Accept-Language, else Chinese. The choice becomes the locale of every template rendered for the
 * request, so message bundle expressions ({@code {msg:...}}) and dates follow it without each page
 * resource having to ask.
 */
@ApplicationScoped
public class PageLanguage {

    public static final String PARAMETER = "lang";
    public static final String COOKIE = "lang";
    static final Duration REMEMBERED_FOR = Duration.ofDays(365);

    @Inject
    CurrentVertxRequest currentRequest;

    /** The language of the request being handled. */
    public static Language of(RoutingContext request) {
        return requested(request)
                .or(() -> Optional.ofNullable(request.request().getCookie(COOKIE))
                        .flatMap(cookie -> Language.fromTag(cookie.getValue())))
                .orElseGet(() -> Language.negotiate(request.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private static Optional<Language> requested(RoutingContext request) {
        return Language.fromTag(request.request().getParam(PARAMETER));
    }

    void rememberSwitch(@Observes Router router) {
        router.route().order(-5).handler(context -> {
            String path = context.request().path();
            // The JSON API and Quarkus' own endpoints have no language; their answers carry no cookie.
            if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                requested(context).ifPresent(language -> context.response().addCookie(
                        Cookie.cookie(COOKIE, language.tag()).setPath("/").setMaxAge(REMEMBERED_FOR.toSeconds())
                                .setSecure(context.request().isSSL())
                                .setHttpOnly(true).setSameSite(CookieSameSite.LAX)));
            }
            context.next();
        });
    }

    void localizeTemplates(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(instance -> {
            // Outside a request (a template rendered by a job, say) the bundle's default locale applies.
            if (Arc.container().requestContext().isActive() && currentRequest.getCurrent() != null) {
                instance.setLocale(of(currentRequest.getCurrent()).locale());
            }
        });
    }
}
