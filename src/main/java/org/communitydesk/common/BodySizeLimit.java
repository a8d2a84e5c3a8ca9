package org.communitydesk.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refuses a body over {@code communitydesk.http.max-body-size} with a problem+json 413 (an Open311 400
 * under /open311/), before Quarkus' own limit (an empty 413 and two ERROR stack traces) sees the request.
 * A route that takes more (photo uploads) puts its own limit on the context under {@link #LIMIT_KEY} in a
 * route that runs earlier; {@code quarkus.http.limits.max-body-size} must stay above every such limit.
 * A declared Content-Length is refused at once. A chunked body, whose size nobody knows in advance, is
 * read here up to the limit (JAX-RS then reads it from memory) and refused as soon as it passes it.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The context key under which an earlier route sets a larger limit (a Long) for its requests. */
    public static final String LIMIT_KEY = "communitydesk.body-limit";

    /**
     * The context key under which an earlier route sets its own answer to a body over the limit (a {@link TooLarge}),
     * so that a channel answers in its own format (the pages with a page); without one, the answer is problem+json.
     */
    public static final String ANSWER_KEY = "communitydesk.body-limit-answer";

    /** A channel's answer to a body over the limit: it ends the exchange, asking the client to close the connection. */
    @FunctionalInterface
    public interface TooLarge {
        void answer(RoutingContext context, long limit);
    }

    @Inject
    AppConfig config;

    void install(@Observes Router router) {
        long defaultLimit = config.http().maxBodySize().asLongValue();
        router.route().order(-10).handler(context -> {
            Long raised = context.get(LIMIT_KEY);
            long limit = raised != null ? raised : defaultLimit;
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                tooLarge(context, limit);
                return;
            }
            if (length == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                readChunked(context, limit);
                return;
            }
            context.next();
        });
    }

    /**
     * Reads a chunked body into memory, at most {@code limit} bytes, and hands it on as the request's body (which
     * JAX-RS then reads instead of the connection); past the limit, answers 413 and drops the rest. Not Vert.x'
     * BodyHandler: it also decodes forms, and refuses a long form field with a stack trace of its own.
     */
    private static void readChunked(RoutingContext context, long limit) {
        RoutingContextInternal internal = (RoutingContextInternal) context;
        internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        AtomicBoolean refused = new AtomicBoolean();
        request.handler(chunk -> {
            if (refused.get()) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused.set(true);
                tooLarge(context, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> refused.set(true));
        request.endHandler(end -> {
            if (!refused.get()) {
                internal.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private static void tooLarge(RoutingContext context, long limit) {
        TooLarge channel = context.get(ANSWER_KEY);
        if (channel != null) {
            channel.answer(context, limit);
            return;
        }
        RawAnswers.send(context, 413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + (limit / 1024) + " KB allowed.", true);
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
