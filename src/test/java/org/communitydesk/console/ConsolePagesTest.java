package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** The staff console through HTTP: the pages, their forms, Post/Redirect/Get with messages, and their guards. */
@QuarkusTest
class ConsolePagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LOCATION_CODE = Pattern.compile("/console/tickets/(CD-\\d{4}-\\d{6})$");

    // --- Start pages and sign-in -------------------------------------------------------------------------

    @Test
    void eachRoleLandsOnItsOwnStartPage() {
        given().auth().none().redirects().follow(false).when().get("/").then().statusCode(303)
                .header("Location", endsWith("/login"));
        given().redirects().follow(false).when().get("/").then().statusCode(303)
                .header("Location", endsWith("/dashboard"));
        TestUsers.staff("landing", "beixinyuan").request().redirects().follow(false).when().get("/").then()
                .statusCode(303).header("Location", endsWith("/console/tickets"));
        TestUsers.contractor("landing", "tongda-dredging").request().redirects().follow(false).when().get("/").then()
                .statusCode(303).header("Location", endsWith("/console/tickets"));
        TestUsers.supervisor("landing", "yingbin").request().redirects().follow(false).when().get("/").then()
                .statusCode(303).header("Location", endsWith("/dashboard"));
    }

    @Test
    void theLoginPageIsBilingualAndTheConsoleNeedsASignIn() {
        given().auth().none().when().get("/login").then().statusCode(200)
                .body(containsString("工作人员登录"), containsString("j_security_check"));
        given().auth().none().queryParam("lang", "en").when().get("/login").then().statusCode(200)
                .body(containsString("Staff sign-in"));
        given().auth().none().when().get("/login?error").then()
                .body(containsString("用户名或密码不对"));
        given().auth().none().redirects().follow(false).when().get("/console/tickets").then()
                .statusCode(303).header("Location", endsWith("/login?next=%2Fconsole%2Ftickets"));
    }

    // --- Queue -----------------------------------------------------------------------------------------------

    @Test
    void theQueueFiltersCountsPerStatusAndMarksOverdueTickets() {
        String text = "队列测试" + UUID.randomUUID().toString().substring(0, 6);
        String code = createWithDescription(text);
        String html = given().queryParam("q", text).when().get("/console/tickets").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertThat(html).contains(code).contains("data-status=\"REPORTED\">1<").contains("data-status=\"CLOSED\">0<");

        given().queryParam("q", text).queryParam("status", "CLOSED").when().get("/console/tickets").then()
                .body(not(containsString(code)));
        given().queryParam("overdue", "true").queryParam("q", text).when().get("/console/tickets").then()
                .body(not(containsString("data-code=\"" + code + "\"")));
        given().queryParam("status", "NOPE").when().get("/console/tickets").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("筛选条件有误"));
    }

    // --- Intake ------------------------------------------------------------------------------------------------

    @Test
    void loggingACallShowsTheAccessCodeOnceOnTheTicketPage() {
        String description = "宏安小区污水外溢 " + UUID.randomUUID();
        Session admin = Session.admin();
        Response saved = admin.post("/console/intake", intake("sewage-overflow", "beixinyuan", "hongan", description)
                .with("confirmed", "true"));
        saved.then().statusCode(303);
        String code = codeFrom(saved);

        String first = admin.follow(saved);
        Matcher accessCode = Pattern.compile("id=\"issued-access-code\" class=\"access-code\">([A-Z0-9]{8})<").matcher(first);
        assertThat(accessCode.find()).as("access code on the page after saving").isTrue();
        assertThat(first).contains(code).contains(description);
        assertThat(admin.get("/console/tickets/" + code)).doesNotContain(accessCode.group(1));
        given().auth().none().header("X-Access-Code", accessCode.group(1)).when().get("/api/public/tickets/{c}", code)
                .then().statusCode(200);
    }

    @Test
    void aCallAboutAnOpenProblemShowsTheDuplicateAndCanBeAddedToIt() {
        String existing = createTicket("sewer-blockage", "zhenxingjie", "jianzhu-no3");
        Session admin = Session.admin();
        Form call = intake("sewer-blockage", "zhenxingjie", "jianzhu-no3", "又堵了");

        Response hint = admin.post("/console/intake", call);
        hint.then().statusCode(200).body(containsString("可能是同一个问题"), containsString(existing));

        Response added = admin.post("/console/intake", call.with("addTo", existing));
        added.then().statusCode(303).header("Location", endsWith("/console/tickets/" + existing));
        get(existing).then().body("reportCount", equalTo(2))
                .body("furtherCalls[0].reporter.name", equalTo("张先生"))
                .body("furtherCalls[0].reporter.phone", equalTo("13903525555"));
        // The caller is on the ticket's page, and the code to read to them is shown.
        assertThat(admin.follow(added)).contains("已把这次来电（来电人和电话）记到这张工单上", "id=\"issued-code\"",
                "id=\"further-calls\"", "张先生", "13903525555");
    }

    @Test
    void aFormWithoutTheTokenChangesNothing() {
        String description = "无令牌 " + UUID.randomUUID();
        Session admin = Session.admin();
        Form call = intake("street-light", "beixinyuan", null, description).with("confirmed", "true");
        call.fields.put("_csrf", "forged");
        admin.post("/console/intake", call).then().statusCode(400).body(containsString("表单已过期"));
        given().queryParam("q", description).when().get("/api/tickets").then().body("total", equalTo(0));
    }

    @Test
    void badInputIsShownOnTheFormWithWhatWasTyped() {
        Session admin = Session.admin();
        admin.post("/console/intake", intake("sewer-blockage", "beixinyuan", "huaiyuan-north", "小区不对")
                .with("confirmed", "true")).then().statusCode(400)
                .body(containsString("填写的内容有误"), containsString("小区不对"));
        admin.post("/console/intake", intake("", "beixinyuan", null, "")).then().statusCode(400)
                .body(containsString("填写的内容有误"));
    }

    @Test
    void descriptionsAreShownAsText() {
        String code = createWithDescription("<script>alert('x')</script> 井盖");
        String html = Session.admin().get("/console/tickets/" + code);
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    }

    // --- Ticket page ---------------------------------------------------------------------------------------

    @Test
    void dispatchingToTwoOrganizationsAndResolvingThroughTheForms() {
        String code = createTicket("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        Session admin = Session.admin();
        String page = admin.get("/console/tickets/" + code);
        assertThat(page).contains("id=\"dispatch-form\"").doesNotContain("id=\"resolve-form\"");

        Response dispatched = admin.post("/console/tickets/" + code + "/dispatch", new Form()
                .with("version", version(code)).with("organization", "datong-sewage")
                .with("lead", "datong-sewage").with("organization2", "pingcheng-sanitation"));
        dispatched.then().statusCode(303);
        assertThat(admin.follow(dispatched)).contains("已派单");
        get(code).then().body("status", equalTo("DISPATCHED")).body("assignments.size()", equalTo(2))
                .body("leadOrganization.code", equalTo("datong-sewage"));

        admin.post("/console/tickets/" + code + "/start", new Form().with("version", version(code)));
        Response resolved = admin.post("/console/tickets/" + code + "/resolve", new Form().with("version", version(code))
                .with("resolution", "清掏七个污水井").with("rootCause", "无物业管理，长期未清掏"));
        assertThat(admin.follow(resolved)).contains("已记录处理结果").contains("清掏七个污水井")
                .contains("id=\"feedback-form\"");
        get(code).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void oneOrganizationIsTheLeadWithoutTickingTheLeadBoxButSeveralNeedAChoice() {
        String severalCode = createTicket();
        Session admin = Session.admin();
        Response several = admin.post("/console/tickets/" + severalCode + "/dispatch", new Form()
                .with("version", version(severalCode)).with("organization", "datong-sewage")
                .with("organization2", "pingcheng-sanitation"));
        assertThat(admin.follow(several)).contains("派给多个单位时，请选一个牵头单位");
        get(severalCode).then().body("status", equalTo("REPORTED"));

        String oneCode = createTicket();
        Response one = admin.post("/console/tickets/" + oneCode + "/dispatch", new Form()
                .with("version", version(oneCode)).with("organization", "tongda-dredging"));
        one.then().statusCode(303);
        assertThat(admin.follow(one)).contains("已派单");
        get(oneCode).then().body("status", equalTo("DISPATCHED")).body("assignments.size()", equalTo(1))
                .body("leadOrganization.code", equalTo("tongda-dredging"));
    }

    @Test
    void aStaleOrIllegalActionIsAMessageNotAnErrorPage() {
        String code = createTicket();
        Session admin = Session.admin();
        String oldVersion = version(code);
        walk(code, "dispatch");

        Response stale = admin.post("/console/tickets/" + code + "/cancel", new Form().with("version", oldVersion)
                .with("reason", "WITHDRAWN").with("duplicateOf", "CD-2026-000001").with("confirm", "yes"));
        // The page again (409), as it is now, with the form as it was posted (issue 17, point 8).
        stale.then().statusCode(409);
        assertThat(stale.asString()).contains("有人修改了这张工单", "value=\"CD-2026-000001\"",
                "<option value=\"WITHDRAWN\" selected>");
        get(code).then().body("status", equalTo("DISPATCHED"));

        Response illegal = admin.post("/console/tickets/" + code + "/close", new Form().with("version", version(code))
                .with("confirm", "yes"));
        assertThat(admin.follow(illegal)).contains("当前状态下不能这样办理");
        get(code).then().body("status", equalTo("DISPATCHED"));
    }

    @Test
    void aContractorSeesOnlyTheirMovesAndNoCallerDetails() {
        String code = createTicket();
        walk(code, "dispatch");
        var crew = TestUsers.contractor("console-crew", "tongda-dredging");
        String page = crew.request().when().get("/console/tickets/" + code).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"start-form\"").doesNotContain("id=\"dispatch-form\"")
                .doesNotContain("id=\"cancel-form\"").doesNotContain("13900000000").doesNotContain("测试居民");
        crew.request().contentType(ContentType.URLENC).formParam("_csrf", "x").formParam("reason", "WITHDRAWN")
                .redirects().follow(false).when().post("/console/tickets/" + code + "/cancel").then().statusCode(403);
    }

    @Test
    void anUnknownTicketIsAPageWithAMessage() {
        Session.admin().request().when().get("/console/tickets/CD-1999-000000").then().statusCode(404)
                .contentType(ContentType.HTML).body(containsString("CD-1999-000000"));
    }

    // --- Helpers ---------------------------------------------------------------------------------------------------

    /** Form fields; a repeated field gets a numbered alias ("organization2") that {@link Session#post} sends under its name. */
    static final class Form {
        final Map<String, String> fields = new HashMap<>();

        Form with(String name, String value) {
            fields.put(name, value);
            return this;
        }
    }

    /** The administrator as a browser would be: the page's CSRF token in every form, the flash cookie followed. */
    record Session(RequestSpecification base) {

        static Session admin() {
            return new Session(given());
        }

        RequestSpecification request() {
            return given();
        }

        String get(String path) {
            return given().when().get(path).then().statusCode(200).extract().asString();
        }

        Response post(String path, Form form) {
            Map<String, String> fields = new HashMap<>(form.fields);
            // The first page sets the browser session's cookie, which the token is bound to.
            Response page = given().when().get("/console/intake");
            page.then().statusCode(200).cookie(ConsoleSession.COOKIE);
            if (!fields.containsKey("_csrf")) {
                Matcher token = CSRF.matcher(page.asString());
                assertThat(token.find()).isTrue();
                fields.put("_csrf", token.group(1));
            }
            // As a browser sends it from a UTF-8 page.
            RequestSpecification request = given().redirects().follow(false)
                    .cookie(ConsoleSession.COOKIE, page.cookie(ConsoleSession.COOKIE))
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8");
            for (var field : fields.entrySet()) {
                request = request.formParam(field.getKey().replaceAll("\\d+$", ""), field.getValue());
            }
            return request.when().post(path);
        }

        /** The page a redirect leads to, with the flash cookie it set. */
        String follow(Response redirect) {
            String location = redirect.header("Location");
            return given().cookie(Flash.COOKIE, redirect.cookie(Flash.COOKIE)).when().get(location).then()
                    .statusCode(200).extract().asString();
        }
    }

    private static Form intake(String category, String community, String site, String description) {
        Form form = new Form().with("category", category).with("description", description)
                .with("reporterName", "张先生").with("reporterPhone", "13903525555").with("community", community)
                .with("addressDetail", "3号楼").with("channel", "PHONE");
        if (site != null) {
            form.with("site", site);
        }
        return form;
    }

    private static String codeFrom(Response redirect) {
        Matcher matcher = LOCATION_CODE.matcher(redirect.header("Location"));
        assertThat(matcher.find()).as("redirect to the new ticket: %s", redirect.header("Location")).isTrue();
        return matcher.group(1);
    }

    private static String version(String code) {
        return get(code).then().extract().path("version").toString();
    }

    private static String createWithDescription(String description) {
        Map<String, Object> body = org.communitydesk.support.TicketApi.intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("description", description);
        return org.communitydesk.support.TicketApi.create(body).then().statusCode(201).extract().path("code");
    }
}
