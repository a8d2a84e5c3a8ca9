package org.communitydesk.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.hibernate.StaleStateException;
import org.communitydesk.web.ErrorPage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers. Every answer is application/problem+json,
 * except under /open311/, where the Open311 GeoReport v2 error format is the contract
 * ({@link GeoReportErrors}); none carries a stack trace or a Java class name.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Where RESTEasy Reactive decodes forms: into @FormParam fields, and into a MultivaluedMap body (Open311 POST). */
    private static final List<String> FORM_PARSERS = List.of(
            "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition",
            "org.jboss.resteasy.reactive.common.providers.serialisers.MapAsFormUrlEncodedProvider");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.status(), e.type(), e.title(), e.detail(), uri, null, e.extensions());
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, UriInfo uri, Request request) {
        // A refusal with its own answer (429 for too many failed sign-ins) travels as the cause.
        ProblemException refusal = e.getCause() instanceof ProblemException problem ? problem : null;
        if (uri != null && uri.getPath().endsWith("/j_security_check")) {
            // The page fills the name in again, and says what is locked and until when.
            Object name = e.getAttributes().get(ClientFailure.SIGN_IN_NAME);
            Object locked = e.getAttributes().get(ClientFailure.SIGN_IN_LOCKED);
            var login = uri.getBaseUriBuilder().path("login");
            if (refusal != null && refusal.headers().containsKey("Retry-After")) {
                login.queryParam("retryAfter", refusal.headers().get("Retry-After"));
                if (locked != null) {
                    login.queryParam("locked", locked);
                }
            } else {
                // A failed form login goes back to the login page, not to a JSON answer.
                login.replaceQuery("error");
            }
            if (name instanceof String typed && !typed.isBlank()) {
                login.queryParam("user", "{user}");
                return Uni.createFrom().item(Response.status(Response.Status.FOUND).location(login.build(typed)).build());
            }
            return Uni.createFrom().item(Response.status(Response.Status.FOUND).location(login.build()).build());
        }
        if (refusal != null) {
            return Uni.createFrom().item(problem(refusal, uri));
        }
        if (PagePaths.showsHtmlErrors(uri)) {
            // A page whose session ended (expired, signed out elsewhere): sign in again and come back.
            return keepingTheForm(uri, request);
        }
        return Uni.createFrom().item(
                unauthorized("The user name or password is wrong, or the account is disabled or locked.", uri));
    }

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, UriInfo uri, Request request) {
        if (PagePaths.showsHtmlErrors(uri)) {
            // A browser gets the sign-in page and, after it, the page it asked for; never Basic's pop-up.
            return keepingTheForm(uri, request);
        }
        return Uni.createFrom().item(unauthorized("Sign in with HTTP Basic authentication.", uri));
    }

    /**
     * To the sign-in page; a form of {@link FormDrafts#PAGES} posted without a session (it ended while a call
     * was typed) is kept first, so that the page comes back filled in after the sign-in. The body has not been
     * read yet (the role check comes first), so it is read here; keeping it is a database write, off the event loop.
     */
    private Uni<Response> keepingTheForm(UriInfo uri, Request request) {
        String path = uri.getPath();
        var current = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        String contentType = current == null ? "" : String.valueOf(current.request().getHeader("Content-Type"));
        // The intake is multipart (it takes photos); its text fields are kept, never the files.
        boolean multipart = contentType.startsWith("multipart/form-data");
        boolean form = current != null && "POST".equals(request == null ? null : request.getMethod())
                && FormDrafts.PAGES.contains(path)
                && (contentType.startsWith("application/x-www-form-urlencoded") || multipart);
        if (!form) {
            return Uni.createFrom().item(PagePaths.toLogin(uri, request));
        }
        var http = current.request();
        Uni<MultiMap> fields;
        if (http.isEnded()) {
            fields = Uni.createFrom().item(http.formAttributes());
        } else {
            var body = http.body();
            // RESTEasy paused the request until it would read the body, which it never will now.
            http.resume();
            fields = Uni.createFrom().completionStage(body.toCompletionStage())
                    .map(posted -> multipart ? multipartFields(posted, contentType) : formFields(posted));
        }
        var owners = Arc.container().instance(FormDrafts.Owners.class).get();
        return fields.emitOn(Infrastructure.getDefaultWorkerPool()).map(posted -> {
            var owner = owners.ownerOf(http, posted.get("_csrf"));
            var kept = owner.isEmpty() ? java.util.Optional.<jakarta.ws.rs.core.NewCookie>empty()
                    : Arc.container().instance(FormDrafts.class).get().keep(path, owner.get(), posted);
            if (kept.isEmpty()) {
                return PagePaths.toLogin(uri, request);
            }
            return Response.seeOther(uri.getBaseUriBuilder().path("login").queryParam(PagePaths.NEXT, "{next}")
                    .queryParam("kept", "1").build(path)).cookie(kept.get()).build();
        }).onFailure().invoke(e -> LOG.warnf("A form posted after its session ended was not kept (%s).",
                e.getClass().getName())).onFailure().recoverWithItem(() -> PagePaths.toLogin(uri, request));
    }

    /** The text fields of a multipart body (files are skipped), decoded by Netty's multipart decoder. */
    private static MultiMap multipartFields(Buffer body, String contentType) {
        MultiMap fields = MultiMap.caseInsensitiveMultiMap();
        var request = new io.netty.handler.codec.http.DefaultFullHttpRequest(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                io.netty.handler.codec.http.HttpMethod.POST, "/", io.netty.buffer.Unpooled.wrappedBuffer(body.getBytes()));
        request.headers().set(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE, contentType);
        var decoder = new io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder(
                new io.netty.handler.codec.http.multipart.DefaultHttpDataFactory(false), request, StandardCharsets.UTF_8);
        try {
            for (var data : decoder.getBodyHttpDatas()) {
                if (data instanceof io.netty.handler.codec.http.multipart.Attribute attribute) {
                    fields.add(attribute.getName(), attribute.getValue());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            decoder.destroy();
            request.release();
        }
        return fields;
    }

    private static MultiMap formFields(Buffer body) {
        MultiMap fields = MultiMap.caseInsensitiveMultiMap();
        new QueryStringDecoder(body.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false).parameters()
                .forEach(fields::add);
        return fields;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your role may not do this.", uri, null, null);
    }

    private Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(respond(401, "unauthorized", "Unauthorized", detail, uri, null, null))
                .header("WWW-Authenticate", "Basic realm=\"CommunityDesk\", charset=\"UTF-8\"").build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        return respond(400, "validation", "Validation failed",
                "The request has " + violations.size() + " invalid field(s); see violations.", uri, violations, null);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return respond(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON" + where + ".", uri, null, null);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.", uri, null, null);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response lockTimeout(LockTimeoutException e, UriInfo uri) {
        return busy(uri);
    }

    @ServerExceptionMapper
    public Response pessimisticLock(PessimisticLockException e, UriInfo uri) {
        return busy(uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonProcessing(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error " + status : type.getReasonPhrase();
        String detail = status == 415 && uri != null && GeoReportErrors.applies(uri.getPath())
                ? "The request's content type is not accepted here; send application/x-www-form-urlencoded."
                : detailFor(status);
        Response response = respond(status, slug(title), title, detail, uri, null, null);
        if (response.getStatus() == 405 && uri != null) {
            // RFC 9110 15.5.6: a 405 names the methods the resource does answer.
            Set<String> allowed = AllowedMethods.of(uri.getPath());
            if (!allowed.isEmpty()) {
                return Response.fromResponse(response).header("Allow", String.join(", ", allowed)).build();
            }
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isUndecodableForm(e)) {
            return respond(400, "malformed-form", "Malformed form",
                    "The request body is not valid application/x-www-form-urlencoded: a % is not followed by "
                            + "two hexadecimal digits, or the bytes are not UTF-8.", uri, null, null);
        }
        // A commit-time failure arrives wrapped; answer for the real cause when we know it.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange(uri);
            }
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return busy(uri);
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s while handling %s. The request was not completed and its transaction "
                + "was rolled back; the stack trace follows. Report the error id to the maintainers.",
                errorId, uri == null ? "a request" : LogSafe.of(uri.getPath()));
        return respond(500, "internal", "Internal error",
                "The server could not complete the request. Nothing was saved. Error id: " + errorId + ".",
                uri, null, Map.of("errorId", errorId));
    }

    /** RESTEasy Reactive reports a form body it cannot decode (such as %zz) as a bare IllegalArgumentException. */
    private static boolean isUndecodableForm(Throwable e) {
        return e instanceof IllegalArgumentException && Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> FORM_PARSERS.stream().anyMatch(frame.getClassName()::startsWith));
    }

    private Response jsonMapping(JsonMappingException e, UriInfo uri) {
        // A syntax error met inside a field comes wrapped with that field's path; it is still malformed JSON.
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse, uri);
        }
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + describe(mismatch.getTargetType());
        } else {
            message = "has a value that cannot be read";
        }
        if (field.isEmpty()) {
            return respond(400, "malformed-json", "Malformed JSON",
                    "The request body does not have the expected shape: a JSON object is expected.", uri, null, null);
        }
        return respond(400, "validation", "Validation failed", "Field '" + field + "' " + message + ".", uri,
                List.of(new Violation(field, message)), null);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private Response concurrentChange(UriInfo uri) {
        return respond(409, "concurrent-change", "Changed concurrently",
                "Someone else changed this ticket at the same time. Reload it and try again.", uri, null, null);
    }

    private Response busy(UriInfo uri) {
        return respond(409, "busy", "Ticket busy",
                "Another change to this ticket is still running. Try again in a moment.", uri, null, null);
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 401 -> "Authentication is required.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "The requested media type is not available here.";
            case 413 -> "The request body is larger than the 256 KB allowed.";
            case 415 -> "The request's content type is not accepted here; send application/json.";
            default -> "The request could not be processed.";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The request field a violation is about, without the method and parameter names in front. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parts.clear();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            // A container element is named "<list element>"; its index is already on the container.
            if (name != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    static Response respond(int status, String type, String title, String detail, UriInfo uri,
            List<Violation> violations, Map<String, Object> extensions) {
        if (uri != null && GeoReportErrors.applies(uri.getPath())) {
            // Open311 clients read the spec's error list; each violation becomes one error of it.
            List<String> descriptions = violations == null || violations.isEmpty() ? List.of(detail)
                    : violations.stream().map(v -> v.field() + ": " + v.message()).toList();
            GeoReportErrors.Rendered rendered = GeoReportErrors.render(uri.getPath(), status, descriptions);
            return Response.status(rendered.status()).type(rendered.contentType()).entity(rendered.body()).build();
        }
        if (PagePaths.showsHtmlErrors(uri)) {
            // People in a browser get a page in their language; the English detail is for API clients.
            Object errorId = extensions == null ? null : extensions.get("errorId");
            return ErrorPage.of(status, errorId == null ? null : errorId.toString());
        }
        Problem body = new Problem(Problem.TYPE_PREFIX + type, title, status, detail,
                uri == null ? null : uri.getPath(), violations,
                extensions == null ? null : new LinkedHashMap<>(extensions));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
