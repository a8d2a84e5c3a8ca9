package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.communitydesk.security.Role;
import org.communitydesk.security.SessionKeySource;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ticket page and every form on it, used by a signed-in user whose scope does not cover the ticket: the
 * page is the not-found page, each form ends in the not-found message and changes nothing. The forms are read
 * from {@link TicketPageResource} itself, so a new form fails {@link #everyFormOfTheTicketPageIsTried()} until
 * it has an entry below. The same form from a user of the same role in scope changes the ticket, so the
 * refusal can only come from the scope.
 */
@QuarkusTest
class ConsoleScopeTest {

    /** Tickets are at 宏安小区 (北馨园社区, 迎宾街道), dispatched to tongda-dredging as LEAD. */
    enum State {
        REPORTED(), DISPATCHED("dispatch"), IN_PROGRESS("dispatch", "start"), RESOLVED("dispatch", "start", "resolve"),
        /** Dispatched, with an extension request waiting for the supervisor. */
        EXTENSION_ASKED("dispatch", "request-extension"),
        /** Dispatched, its clock paused (挂起). */
        PAUSED("dispatch", "pause");

        final String[] walk;

        State(String... walk) {
            this.walk = walk;
        }
    }

    /** A form of the ticket page: the state that accepts it and fields it accepts. */
    record Form(State state, Map<String, String> fields) {
    }

    static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("dispatch", new Form(State.REPORTED, Map.of("lead", "tongda-dredging", "organization", "tongda-dredging"))),
            Map.entry("start", new Form(State.DISPATCHED, Map.of())),
            Map.entry("accept", new Form(State.DISPATCHED, Map.of())),
            Map.entry("return", new Form(State.DISPATCHED, Map.of("reason", "WRONG_ADDRESS", "comment", "地址不在本单位范围"))),
            Map.entry("request-extension", new Form(State.DISPATCHED, Map.of("requestedDueAt",
                    java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30)
                            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(), "reason", "配件未到"))),
            Map.entry("approve-extension", new Form(State.EXTENSION_ASKED, Map.of())),
            Map.entry("reject-extension", new Form(State.EXTENSION_ASKED, Map.of("note", "时限足够"))),
            // Urging needs a ticket at risk or overdue (UrgeTicketTest moves the clock); on a fresh one the scope
            // check is passed and the condition refuses, which is what this test needs to tell apart.
            Map.entry("urge", new Form(State.DISPATCHED, Map.of("note", "请加快办理"))),
            Map.entry("pause", new Form(State.DISPATCHED, Map.of("reason", "WAITING_FOR_RESIDENT", "comment", "无人开门"))),
            Map.entry("resume", new Form(State.PAUSED, Map.of())),
            Map.entry("resolve", new Form(State.IN_PROGRESS, Map.of("resolution", "疏通完毕", "rootCause", "油污结块"))),
            Map.entry("close", new Form(State.RESOLVED, Map.of("confirm", "yes"))),
            Map.entry("cancel", new Form(State.DISPATCHED, Map.of("reason", "WITHDRAWN", "confirm", "yes"))),
            Map.entry("reopen", new Form(State.RESOLVED, Map.of("reason", "居民反映仍然堵塞"))),
            Map.entry("notes", new Form(State.DISPATCHED, Map.of("text", "范围测试备注", "visibility", "PUBLIC"))),
            Map.entry("feedback", new Form(State.RESOLVED, Map.of("rating", "5", "resolved", "yes"))),
            Map.entry("access-code", new Form(State.DISPATCHED, Map.of("confirm", "yes"))),
            Map.entry("lift-access-blocks", new Form(State.DISPATCHED, Map.of())),
            Map.entry("photo-position", new Form(State.DISPATCHED, Map.of("choice", "ignore"))));

    /**
     * Forms whose effect in scope needs what the ticket made here does not have (the position of a photo's GPS tags:
     * PhotoPagesTest tries that); here they show only that the scope refuses them and lets them through.
     */
    static final java.util.Set<String> EFFECT_TRIED_ELSEWHERE = java.util.Set.of("photo-position");

    /** Forms that a fresh ticket in scope refuses by their move's condition (409), past the scope check. */
    static final java.util.Set<String> REFUSED_BY_CONDITION_IN_SCOPE = java.util.Set.of("urge");

    /** The title of the not-found page (msg.properties: ticketMissingTitle). */
    static final String MISSING = "找不到工单";

    @Inject
    Flash flash;

    @Test
    void everyFormOfTheTicketPageIsTried() {
        assertThat(forms().keySet()).as("POST forms of TicketPageResource; give each an entry in FORMS")
                .isEqualTo(FORMS.keySet());
    }

    @ParameterizedTest(name = "the ticket page as {0} of elsewhere")
    @MethodSource("pageRoles")
    void theTicketPageOfAnotherScopeIsTheNotFoundPage(Role role) {
        String code = ticket(State.DISPATCHED);
        insider(role).request().when().get("/console/tickets/{c}", code).then().statusCode(200);

        String page = outsider(role).request().when().get("/console/tickets/{c}", code).then().statusCode(404)
                .contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains(MISSING).contains(code).doesNotContain("13900000000")
                .doesNotContain("测试居民").doesNotContain("_csrf");
    }

    static Stream<Role> pageRoles() {
        return rolesOf(showMethod()).stream();
    }

    @ParameterizedTest(name = "the {0} form as {1} of elsewhere")
    @MethodSource("formCalls")
    void aFormOnATicketOfAnotherScopeEndsInNotFoundAndChangesNothing(String form, Role role) {
        String code = ticket(FORMS.get(form).state());
        List<String> before = snapshot(code);

        Response refused = post(outsider(role), code, form);

        refused.then().statusCode(303);
        Flash.Message message = message(outsider(role), refused, code);
        assertThat(message.key()).as("flash after %s as %s of elsewhere", form, role).isEqualTo("flashNotFound");
        assertThat(message.error()).isTrue();
        assertThat(message.accessCode()).isNull();
        outsider(role).request().when().get(refused.header("Location")).then().statusCode(404);
        assertThat(snapshot(code)).as("ticket after %s as %s of elsewhere", form, role).isEqualTo(before);

        // The same form from the same role in scope does change the ticket: only the scope refused it.
        Response done = post(insider(role), code, form);
        if (REFUSED_BY_CONDITION_IN_SCOPE.contains(form)) {
            assertThat(message(insider(role), done, code).key()).as("%s as %s in scope", form, role)
                    .isNotEqualTo("flashNotFound");
            return;
        }
        assertThat(message(insider(role), done, code).error()).as("%s as %s in scope", form, role).isFalse();
        if (!EFFECT_TRIED_ELSEWHERE.contains(form)) {
            assertThat(snapshot(code)).isNotEqualTo(before);
        }
    }

    static Stream<Arguments> formCalls() {
        return forms().entrySet().stream().flatMap(form -> rolesOf(form.getValue()).stream()
                .map(role -> Arguments.of(form.getKey(), role)));
    }

    // --- Helpers ---------------------------------------------------------------------------------------------

    /**
     * The POST methods of the ticket page by their path, read from the resource class: the url-encoded ones, which
     * these tests post. A form that takes photos has a multipart twin on the same path, which must let in the same roles.
     */
    static Map<String, Method> forms() {
        return Arrays.stream(TicketPageResource.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(POST.class) && !multipart(m))
                .collect(Collectors.toMap(m -> m.getAnnotation(Path.class).value(), m -> m));
    }

    @Test
    void aFormWithPhotosLetsInTheSameRolesAsTheSameFormWithout() {
        List<Method> twins = Arrays.stream(TicketPageResource.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(POST.class) && multipart(m)).toList();
        assertThat(twins).as("multipart forms of the ticket page").isNotEmpty();
        for (Method twin : twins) {
            Method plain = forms().get(twin.getAnnotation(Path.class).value());
            assertThat(plain).as("url-encoded form on the path of %s", twin.getName()).isNotNull();
            assertThat(rolesOf(twin)).as("roles of %s", twin.getName()).isEqualTo(rolesOf(plain));
        }
    }

    private static boolean multipart(Method method) {
        jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
        return consumes != null && Arrays.asList(consumes.value()).contains(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA);
    }

    private static Method showMethod() {
        return Arrays.stream(TicketPageResource.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(GET.class))
                .findFirst().orElseThrow();
    }

    /**
     * The roles the method allows, but the administrator, whose scope is everything: its {@code @RolesAllowed}, or
     * for a move behind the ticket-move door, the roles ticket.MovePermissions names for the move of its path.
     */
    private static Set<Role> rolesOf(Method method) {
        java.util.stream.Stream<String> roles = method.isAnnotationPresent(RolesAllowed.class)
                ? Arrays.stream(method.getAnnotation(RolesAllowed.class).value())
                : org.communitydesk.ticket.MovePermissions.rolesFor(org.communitydesk.ticket.TicketAction
                        .ofPathName(method.getAnnotation(Path.class).value()).orElseThrow()).stream();
        return roles.map(Role::valueOf).filter(role -> role != Role.ADMIN)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Response post(User user, String code, String form) {
        RequestSpecification request = user.request().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                // A browser session of this user: its id in the cookie, the token the service derives for it.
                .cookie(ConsoleSession.COOKIE, BROWSER_SESSION)
                .formParam(CsrfTokens.FIELD, SessionCookies.csrfToken(ConfigProvider.getConfig()
                        .getValue(SessionKeySource.PROPERTY, String.class), user.username(), BROWSER_SESSION))
                .formParam("version", version(code));
        for (var field : FORMS.get(form).fields().entrySet()) {
            request = request.formParam(field.getKey(), field.getValue());
        }
        return request.when().post("/console/tickets/{c}/{form}", code, form);
    }

    /** The message the redirect carries, as the page of the ticket it redirects to would take it. */
    private Flash.Message message(User user, Response redirect, String code) {
        return flash.take(user.username(), redirect.cookie(Flash.COOKIE), code).orElseThrow();
    }

    /** What a form could change, read as the administrator: the ticket, its timeline and its access code. */
    private static List<String> snapshot(String code) {
        return List.of(version(code), given().when().get("/api/tickets/{c}/events", code).then().statusCode(200)
                .extract().asString(), String.valueOf(given().auth().none().header("X-Access-Code", ACCESS_CODES.get(code))
                .when().get("/api/public/tickets/{c}", code).statusCode()));
    }

    private static String version(String code) {
        return given().when().get("/api/tickets/{c}", code).then().statusCode(200).extract().path("version").toString();
    }

    private static final String BROWSER_SESSION = "console-scope-test-browser";

    private static final Map<String, String> ACCESS_CODES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String ticket(State state) {
        Map<String, Object> body = org.communitydesk.support.TicketApi.intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("description", "页面范围测试 " + UUID.randomUUID());
        var created = org.communitydesk.support.TicketApi.create(body).then().statusCode(201).extract();
        String code = created.path("code");
        ACCESS_CODES.put(code, created.path("accessCode"));
        walk(code, state.walk);
        return code;
    }

    private static final Map<Role, User> INSIDERS = new EnumMap<>(Role.class);
    private static final Map<Role, User> OUTSIDERS = new EnumMap<>(Role.class);

    private static synchronized User insider(Role role) {
        return INSIDERS.computeIfAbsent(role, r -> switch (r) {
            case STAFF -> TestUsers.staff("page-staff", "beixinyuan");
            case SUPERVISOR -> TestUsers.supervisor("page-supervisor", "yingbin");
            case CONTRACTOR -> TestUsers.contractor("page-contractor", "tongda-dredging");
            case ADMIN -> throw new IllegalArgumentException("no scope to be outside of");
        });
    }

    private static synchronized User outsider(Role role) {
        return OUTSIDERS.computeIfAbsent(role, r -> switch (r) {
            case STAFF -> TestUsers.staff("page-staff-elsewhere", "zhenxingjie");
            case SUPERVISOR -> TestUsers.supervisor("page-supervisor-elsewhere", "xinwang");
            case CONTRACTOR -> TestUsers.contractor("page-contractor-elsewhere", "datong-sewage");
            case ADMIN -> throw new IllegalArgumentException("no scope to be outside of");
        });
    }
}
