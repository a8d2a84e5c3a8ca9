package org.communitydesk.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Answers written at the Vert.x level, before JAX-RS (a body over the limit): the same problem+json as
 * {@link ProblemMapper}'s, or the Open311 error list under /open311/.
 */
final class RawAnswers {

    private RawAnswers() {
    }

    /** Ends the exchange with the problem (or Open311's error list); {@code close} asks the client to reconnect. */
    static void send(RoutingContext context, int status, String type, String title, String detail, boolean close) {
        var response = context.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        String path = context.request().path();
        if (GeoReportErrors.applies(path)) {
            GeoReportErrors.Rendered rendered = GeoReportErrors.render(path, status, List.of(detail));
            response.setStatusCode(rendered.status()).putHeader(HttpHeaders.CONTENT_TYPE, rendered.contentType())
                    .end(Buffer.buffer(rendered.body()));
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(new JsonObject().put("type", Problem.TYPE_PREFIX + type).put("title", title)
                        .put("status", status).put("detail", detail).put("instance", instance(path)).encode());
    }

    /** The path, cut short: an over-long or hostile one is not echoed whole. */
    private static String instance(String path) {
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
