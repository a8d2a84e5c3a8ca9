package org.communitydesk.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Messages that outlive a redirect (Post/Redirect/Get): kept on the server for a few minutes under a
 * random id that travels in a cookie, and shown once. The server side matters for the one secret a
 * message may carry, a new access code: it never appears in a URL, a cookie or a log.
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

    private record Entry(String username, Message message) {
    }

    private final Cache<String, Entry> entries = Caffeine.newBuilder().expireAfterWrite(KEPT_FOR)
            .maximumSize(10_000).build();

    /** Keeps the message for the user's next page; the cookie goes on the redirect. */
    public NewCookie keep(String username, Message message) {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        entries.put(key, new Entry(username, message));
        return new NewCookie.Builder(COOKIE).value(key).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) KEPT_FOR.toSeconds()).build();
    }

    /** The message kept for this user under the cookie's id, once. */
    public Optional<Message> take(String username, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Entry entry = entries.asMap().remove(id);
        return entry == null || !entry.username().equals(username) ? Optional.empty() : Optional.of(entry.message());
    }

    /** Clears the cookie once its message was shown. */
    public static NewCookie spent() {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).maxAge(0).build();
    }
}
