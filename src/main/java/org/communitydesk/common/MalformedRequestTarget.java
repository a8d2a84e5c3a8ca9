package org.communitydesk.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses a request target that is not a URI (a malformed escape such as {@code %ZZ}, a space, a bare
 * {@code [}) before anything decodes it: problem+json 400 elsewhere, the spec's error list under /open311/.
 * This is the check Quarkus makes before its router (switched off in {@link CommunityDeskMain}, because it
 * answers an empty 400); without either, Vert.x and RESTEasy would fail while decoding, with a 500 and a
 * stack trace in the log.
 */
@ApplicationScoped
public class MalformedRequestTarget {

    /**
     * Before Quarkus' security filters (orders -200 to -100), whose path matching decodes the path. In dev mode
     * an outer router of Quarkus matches the path before this router is reached: there a malformed path (not
     * query) still gets Vert.x's plain 400.
     */
    static final int ORDER = -1000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String target = context.request().uri();
            String reason = reasonIfMalformed(target);
            if (reason == null) {
                context.next();
                return;
            }
            RawAnswers.send(context, 400, "malformed-uri", "Malformed URI", "The request target is not a valid URI ("
                    + reason + "); percent-encode reserved characters and write every escape as % followed by two"
                    + " hexadecimal digits.", false);
        });
    }

    /** Why {@code target} is not a URI, or null when it is one. */
    static String reasonIfMalformed(String target) {
        if (target == null || target.isEmpty()) {
            return "it is empty";
        }
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
    }
}
