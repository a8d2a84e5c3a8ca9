package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** The queue's search, sorting, rows, paging and export (issue 17, point 13). */
@QuarkusTest
class QueueSearchTest {

    private static final Pattern ROW = Pattern.compile("<tr class=\"[^\"]*\" data-code=\"(CD-\\d{4}-\\d{6})\"");

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A call with this description, caller and building; returns the code. */
    private static String call(String description, String name, String phone, String building) {
        Map<String, Object> body = intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("description", description);
        body.put("reporter", Map.of("name", name, "phone", phone));
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) body.get("location");
        location.put("addressDetail", building);
        return create(body).then().statusCode(201).extract().path("code");
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> rows(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String queue(Map<String, ?> params) {
        return given().queryParams(params).when().get("/console/tickets").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
    }

    @Test
    void eachRowShowsTheBuildingAndTheStartOfTheDescription() {
        String text = "摘要" + unique();
        String description = text + " 三单元一楼下水道堵了，污水从地漏冒出来，已经两天，楼里老人多，请尽快来人处理。还有更多的话在后面不该显示";
        String code = call(description, "王女士", "1390352" + (int) (Math.random() * 9000 + 1000), "7号楼3单元");
        String html = queue(Map.of("q", text));
        assertThat(html).contains("data-code=\"" + code + "\"").contains("<span class=\"building\">7号楼3单元</span>")
                .contains(description.substring(0, 40)).doesNotContain("不该显示");
    }

    @Test
    void aTicketIsFoundByTheLastDigitsOfItsCode() {
        String code = call("末位" + unique(), "李先生", "13903520001", "1号楼");
        String digits = code.substring(code.length() - 6).replaceFirst("^0+", "");
        assertThat(rows(queue(Map.of("q", digits)))).contains(code);
        assertThat(rows(queue(Map.of("q", code.substring(code.length() - 6))))).contains(code);
    }

    @Test
    void theQueueSortsByReportedTimeDueTimeAndStatus() {
        String text = "排序" + unique();
        String urgent = create(withDescription(intake("sewage-overflow", "beixinyuan", "hongan"), text + " 1", "URGENT"))
                .then().statusCode(201).extract().path("code");
        String normal = create(withDescription(intake("sewer-blockage", "beixinyuan", "hongan"), text + " 2", "LOW"))
                .then().statusCode(201).extract().path("code");
        walk(normal, "dispatch");

        assertThat(rows(queue(Map.of("q", text, "sort", "reportedAt")))).containsExactly(urgent, normal);
        assertThat(rows(queue(Map.of("q", text, "sort", "-reportedAt")))).containsExactly(normal, urgent);
        List<String> byDue = new ArrayList<>(rows(queue(Map.of("q", text, "sort", "dueAt"))));
        assertThat(byDue).containsExactly(urgent, normal); // urgent is due sooner
        java.util.Collections.reverse(byDue);
        assertThat(rows(queue(Map.of("q", text, "sort", "-dueAt")))).containsExactlyElementsOf(byDue);
        // DISPATCHED before REPORTED, and the other way round.
        assertThat(rows(queue(Map.of("q", text, "sort", "status")))).containsExactly(normal, urgent);
        assertThat(rows(queue(Map.of("q", text, "sort", "-status")))).containsExactly(urgent, normal);
        // The headers link to the other direction and keep the search.
        String html = queue(Map.of("q", text, "sort", "dueAt"));
        assertThat(html).contains("aria-sort=\"ascending\"><a href=\"/console/tickets?q=" + encoded(text) + "&amp;sort=-dueAt\"");
    }

    private static Map<String, Object> withDescription(Map<String, Object> body, String description, String priority) {
        body.put("description", description);
        body.put("priority", priority);
        return body;
    }

    @Test
    void officesFindACallerByPhoneOrNameButContractorsNever() {
        String phone = "1380352" + String.format("%04d", (int) (Math.random() * 10000));
        String name = "赵" + unique();
        String code = call("来电人查找 " + unique(), name, phone, "2号楼");
        walk(code, "dispatch"); // assigned to tongda-dredging: in the contractor's scope

        assertThat(rows(queue(Map.of("caller", phone)))).containsExactly(code);
        assertThat(rows(queue(Map.of("caller", phone.substring(0, 3) + " " + phone.substring(3, 7) + "-"
                + phone.substring(7))))).containsExactly(code);
        assertThat(rows(queue(Map.of("caller", name)))).containsExactly(code);
        TestUsers.staff("callersearch", "beixinyuan").request().queryParam("caller", phone).when()
                .get("/console/tickets").then().statusCode(200).body(containsString("data-code=\"" + code + "\""));
        // Staff of another community find nothing outside their scope.
        TestUsers.staff("callersearch", "zhenxingjie").request().queryParam("caller", phone).when()
                .get("/console/tickets").then().statusCode(200).body(not(containsString(code)));

        TestUsers.User contractor = TestUsers.contractor("callersearch", "tongda-dredging");
        contractor.request().when().get("/console/tickets").then().statusCode(200)
                .body(containsString(code), not(containsString("name=\"caller\"")));
        for (String typed : List.of(phone, name)) {
            contractor.request().queryParam("caller", typed).when().get("/console/tickets").then().statusCode(403)
                    .body(containsString("id=\"caller-refused\""), not(containsString("data-code=")));
            contractor.request().queryParam("caller", typed).when().get("/console/tickets/export.csv").then()
                    .statusCode(403).body(not(containsString(code)));
            contractor.request().queryParam("q", typed).when().get("/console/tickets").then().statusCode(200)
                    .body(not(containsString("data-code=")));
        }
    }

    @Test
    void aPagePastTheEndShowsTheLastPage() {
        String text = "翻页" + unique();
        call(text, "钱先生", "13903529999", "3号楼");
        String html = queue(Map.of("q", text, "page", "999"));
        assertThat(rows(html)).hasSize(1);
        assertThat(html).contains("第 1 / 1 页").doesNotContain("1000");
    }

    @Test
    void theExportHoldsTheCurrentFilterInScopeWithoutCallers() {
        String text = "导出" + unique();
        String name = "孙" + unique();
        String code = call(text + " 只在这里", name, "13903528888", "5号楼");
        String other = call("别的 " + unique(), "周先生", "13903527777", "6号楼");

        String csv = given().queryParam("q", text).when().get("/console/tickets/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).contains(code).doesNotContain(other).doesNotContain(name).doesNotContain("13903528888");
        assertThat(given().queryParam("caller", name).when().get("/console/tickets/export.csv").then()
                .statusCode(200).extract().asString()).contains(code).doesNotContain(other);
        // Another community's staff export nothing of it.
        assertThat(TestUsers.staff("export", "zhenxingjie").request().queryParam("q", text).when()
                .get("/console/tickets/export.csv").then().statusCode(200).extract().asString()).doesNotContain(code);
        assertThat(queue(Map.of("q", text))).contains("href=\"/console/tickets/export.csv?q=" + encoded(text) + "\"");
    }
}
