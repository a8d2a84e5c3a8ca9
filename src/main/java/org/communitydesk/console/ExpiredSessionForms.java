package org.communitydesk.console;

import io.quarkus.arc.Unremovable;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.communitydesk.common.FormDrafts;
import org.communitydesk.security.SessionTokens;

/**
 * Whose form was posted after the session ended: the user the browser's (old) session cookie names, when the
 * form's CSRF token is that user's for this browser session. Only such a form is kept (so nobody can fill the
 * database with anonymous posts), and only that user gets it back.
 */
// Looked up by common.ProblemMapper, not injected: kept although nothing injects it.
@Unremovable
@ApplicationScoped
public class ExpiredSessionForms implements FormDrafts.Owners {

    @Inject
    SessionTokens sessions;

    @Inject
    CsrfTokens csrf;

    @Override
    public Optional<String> ownerOf(HttpServerRequest request, String csrfToken) {
        Cookie login = request.getCookie(SessionTokens.COOKIE);
        Cookie browser = request.getCookie(ConsoleSession.COOKIE);
        if (login == null || browser == null) {
            return Optional.empty();
        }
        return sessions.signedUser(login.getValue())
                .filter(user -> csrf.accepts(user, browser.getValue(), csrfToken));
    }
}
