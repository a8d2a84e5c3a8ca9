package org.communitydesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Messages that outlive a redirect (Post/Redirect/Get): a row in the database for a few minutes
 * ({@link FlashMessage}) under a random id that travels in a cookie, shown once, only to the user it
 * was made for and only on the page of the ticket it belongs to. The database, not this process,
 * keeps it, so the instance that answers the redirect need not be the one that made it. The one secret
 * a message may carry, a new access code, never appears in a URL, a cookie or a log.
 */
@ApplicationScoped
public class Flash {

    public static final String COOKIE = "cd-flash";
    static final Duration KEPT_FOR = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What happened: a message key of the bundle, whether it is an error, a detail, and maybe an access code. */
    public record Message(String key, boolean error, String detail, String ticketCode, String accessCode) {

        public static Message done(String key, String ticketCode) {
            return new Message(key, false, null, ticketCode, null);
        }

        public static Message failed(String key, String detail) {
            return new Message(key, true, detail, null, null);
        }
    }

    @Inject
    Clock clock;

    /**
     * Keeps the message for the user's next page: the page of {@code ticketCode}, or, without one, the
     * page the redirect leads to. The cookie goes on the redirect.
     */
    @Transactional
    public NewCookie keep(String username, String ticketCode, Message message) {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        new FlashMessage(key, username, ticketCode, message, clock.instant().plus(KEPT_FOR)).persist();
        return new NewCookie.Builder(COOKIE).value(key).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) KEPT_FOR.toSeconds()).build();
    }

    /**
     * The message kept under the cookie's id, once, if it is this user's and belongs on this page
     * ({@code pageTicket}: the ticket the page shows, or null for a page of no ticket). A message for
     * another ticket or another user stays where it is (and expires).
     */
    @Transactional
    public Optional<Message> take(String username, String id, String pageTicket) {
        if (id == null || id.isBlank() || id.length() > 32) {
            return Optional.empty();
        }
        return FlashMessage.take(id, username, pageTicket, clock.instant());
    }

    /** Clears the cookie once its message was shown. */
    public static NewCookie spent() {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).maxAge(0).build();
    }
}
