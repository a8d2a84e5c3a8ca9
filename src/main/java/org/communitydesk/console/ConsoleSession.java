package org.communitydesk.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * This browser's console session: a random id in a cookie that lives as long as the browser session
 * (or until sign-out), made the first time a signed-in page needs a CSRF token. The CSRF token is bound
 * to it, so the token changes with the session; the id itself is no secret (the key is).
 */
@RequestScoped
public class ConsoleSession {

    public static final String COOKIE = "cd-session";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServerRequest request;

    private String id;
    private boolean known;
    private boolean made;

    /** The id the browser sent, or a new one that this response will set. */
    String id() {
        if (id == null) {
            Cookie cookie = request.getCookie(COOKIE);
            String sent = cookie == null ? null : cookie.getValue();
            if (sent != null && sent.length() >= 16 && sent.length() <= 64) {
                id = sent;
                known = true;
            } else {
                byte[] bytes = new byte[18];
                RANDOM.nextBytes(bytes);
                id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                made = true;
            }
        }
        return id;
    }

    /** Whether the browser sent an id (a form posted without one cannot carry a valid token). */
    boolean known() {
        id();
        return known;
    }

    NewCookie cookieToSet() {
        return made ? new NewCookie.Builder(COOKIE).value(id).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build() : null;
    }

    static NewCookie ended() {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).maxAge(0).build();
    }

    /**
     * Sets the cookie on the response that made the id. Qute renders a page in a response filter of its
     * own (priority USER); response filters run in descending priority, so this one runs after the page
     * was rendered, when its {user.csrf} asked for the id.
     */
    static final class SetCookie {

        @Inject
        ConsoleSession session;

        @ServerResponseFilter(priority = Priorities.USER - 100)
        public void setCookie(ContainerResponseContext response) {
            NewCookie cookie = session.cookieToSet();
            if (cookie != null) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
            }
        }
    }
}
