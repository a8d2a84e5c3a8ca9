package org.communitydesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a form that was posted after its session ended (idle for 30 minutes while a call was typed), so that
 * signing in again brings it back filled in instead of losing it: a row for {@link #KEPT_FOR} under a random
 * id that travels in an HttpOnly, same-site cookie, taken once by the form's page, for the same user only.
 * Only a form with its user's CSRF token for this browser is kept ({@link Owners}), never an anonymous post. Only pages listed in
 * {@link #PAGES} are kept; the CSRF token is dropped (it belonged to the old session). The fields hold personal
 * data (the caller's name and phone): never logged, and housekeeping removes what nobody came back for.
 */
@ApplicationScoped
public class FormDrafts {

    public static final String COOKIE = "cd-draft";
    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    /** The forms worth keeping: the intake, where a whole phone call is typed. */
    public static final Set<String> PAGES = Set.of("/console/intake");
    private static final Set<String> DROPPED = Set.of("_csrf");
    private static final int MAX_CHARS = 60000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who posted a form whose session ended, as the console can tell (its cookies and CSRF token). */
    public interface Owners {
        Optional<String> ownerOf(io.vertx.core.http.HttpServerRequest request, String csrfToken);
    }

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /**
     * Keeps the posted fields of {@code page} for {@code username}; the cookie goes on the answer. Empty when
     * there is nothing to keep.
     */
    @Transactional
    public Optional<NewCookie> keep(String page, String username, MultiMap form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String name : form.names()) {
            if (!DROPPED.contains(name)) {
                fields.put(name, form.getAll(name));
            }
        }
        String text;
        try {
            text = json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (fields.isEmpty() || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        new FormDraft(key, page, username, text, clock.instant().plus(KEPT_FOR)).persist();
        return Optional.of(new NewCookie.Builder(COOKIE).value(key).path(page).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) KEPT_FOR.toSeconds()).build());
    }

    /** The fields kept for {@code page} and this user under the cookie's id, once (read, then deleted). */
    @Transactional
    public Optional<Map<String, List<String>>> take(String page, String username, String id) {
        if (id == null || id.isBlank() || id.length() > 32) {
            return Optional.empty();
        }
        FormDraft draft = FormDraft.findById(id);
        if (draft == null || !draft.page.equals(page) || !draft.username.equals(username) || !draft.expiresAt.isAfter(clock.instant())
                || FormDraft.delete("id", id) != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(draft.fields, new TypeReference<Map<String, List<String>>>() { }));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Clears the cookie once its draft was shown. */
    public static NewCookie spent(String page) {
        return new NewCookie.Builder(COOKIE).value("").path(page).httpOnly(true).maxAge(0).build();
    }
}
