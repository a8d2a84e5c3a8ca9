package org.communitydesk.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * What a person in a browser gets when a page cannot be shown (403, 404, 500, …): a page of the site in
 * their language, with the way back, instead of the API's problem+json. For a 500 it shows the error id
 * that the log holds, so that the maintainers can find it.
 */
public final class ErrorPage {

    /** Statuses with their own wording; any other gets the general one. */
    private static final Set<Integer> WORDED = Set.of(400, 403, 404, 405, 409, 413, 415, 429, 500);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String titleKey, String textKey, String errorId);
    }

    private ErrorPage() {
    }

    public static Response of(int status, String errorId) {
        String key = WORDED.contains(status) ? "errorPage" + status : status >= 500 ? "errorPage500" : "errorPageOther";
        String html = Templates.error(status, key + "Title", key + "Text", errorId).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }
}
