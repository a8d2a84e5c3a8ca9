package org.communitydesk.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * ADMIN's working calendar through the API, on made-up calendars: 2031 is the shipped example file, 2032 and
 * 2033 are this test's own years (no other test lists days in them; RoleMatrixTest uses 2099).
 */
@QuarkusTest
class CalendarResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static Response importFile(String csv, String replace) {
        return importBytes(csv.getBytes(StandardCharsets.UTF_8), replace);
    }

    private static Response importBytes(byte[] csv, String replace) {
        RequestSpecification request = given().header("X-Requested-With", "test")
                .multiPart("file", "calendar.csv", csv, "text/csv");
        if (replace != null) {
            request = request.multiPart("replace", replace);
        }
        return request.when().post("/api/calendar/import");
    }

    private static JsonPath year(int year) {
        return given().queryParam("year", year).when().get("/api/calendar/days").then().statusCode(200).extract().jsonPath();
    }

    private static void clear(int year) {
        for (String date : year(year).<String>getList("days.date")) {
            given().contentType(ContentType.JSON).when().delete("/api/calendar/days/{date}", date).then().statusCode(204);
        }
    }

    @Test
    void theExampleFileImportsAndMakesItsYear() throws IOException {
        byte[] example;
        try (InputStream in = CalendarResourceTest.class.getResourceAsStream("/calendar/example-calendar.csv")) {
            example = in.readAllBytes();
        }
        clear(2031);
        importBytes(example, null).then().statusCode(200)
                .body("days", equalTo(13)).body("created", equalTo(13)).body("changed", equalTo(0))
                .body("years", equalTo(List.of(2031)));
        // The same file again changes nothing.
        importBytes(example, null).then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(13));

        JsonPath year = year(2031);
        assertThat(year.getString("zone")).isEqualTo("Asia/Shanghai");
        assertThat(year.getString("workingHours")).isEqualTo("09:00-12:00,13:30-17:30");
        // 261 weekdays in 2031, less 8 holidays on weekdays, plus 3 make-up days.
        assertThat(year.getInt("workingDays")).isEqualTo(256);
        assertThat(year.<Map<String, Object>>getList("days")).hasSize(13);
        assertThat(year.getString("days[0].date")).isEqualTo("2031-01-01");
        assertThat(year.getString("days[0].dayOfWeek")).isEqualTo("WEDNESDAY");
        assertThat(year.getString("days.find { it.date == '2031-10-01' }.name"))
                .isEqualTo("示例国庆节, 第一天 (example National Day, first day)");
        assertThat(year.getString("days.find { it.date == '2031-10-11' }.kind")).isEqualTo("MAKEUP_WORKDAY");
        assertThat(year.getString("days[0].updatedBy")).isEqualTo("admin");

        // Friday 26 September 2031, 19:40 in Shanghai: 4 working days are the make-up Sunday, Monday, Tuesday,
        // and, after the week off, Wednesday 8 October, at the close of business.
        given().queryParam("from", "2031-09-26T11:40:00Z").queryParam("amount", 4).queryParam("unit", "WORKING_DAYS")
                .when().get("/api/calendar/due").then().statusCode(200)
                .body("dueAt", equalTo("2031-10-08T09:30:00Z")).body("localDueAt", equalTo("2031-10-08T17:30+08:00"))
                .body("target.amount", equalTo(4)).body("target.unit", equalTo("WORKING_DAYS"));
        given().queryParam("from", "2031-09-26T09:00:00Z").queryParam("amount", 2).queryParam("unit", "working_hours")
                .when().get("/api/calendar/due").then().statusCode(200)
                .body("dueAt", equalTo("2031-09-28T02:30:00Z"));
    }

    @Test
    void oneDayIsSetChangedAndRemoved() {
        clear(2033);
        given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY", "name", " 测试假日 ")).when()
                .put("/api/calendar/days/{date}", "2033-05-02").then().statusCode(201)
                .body("date", equalTo("2033-05-02")).body("dayOfWeek", equalTo("MONDAY")).body("name", equalTo("测试假日"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "MAKEUP_WORKDAY")).when()
                .put("/api/calendar/days/{date}", "2033-04-30").then().statusCode(201).body("name", equalTo(null));
        given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY", "name", "改名")).when()
                .put("/api/calendar/days/{date}", "2033-05-02").then().statusCode(200).body("name", equalTo("改名"));

        assertThat(year(2033).<Map<String, Object>>getList("days"))
                .extracting(d -> d.get("date"), d -> d.get("kind"), d -> d.get("name"))
                .containsExactly(tuple("2033-04-30", "MAKEUP_WORKDAY", null), tuple("2033-05-02", "HOLIDAY", "改名"));

        given().contentType(ContentType.JSON).when().delete("/api/calendar/days/{date}", "2033-05-02").then().statusCode(204);
        given().contentType(ContentType.JSON).when().delete("/api/calendar/days/{date}", "2033-05-02").then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON)).body("resource", equalTo("calendar day"));
        assertThat(year(2033).<String>getList("days.date")).containsExactly("2033-04-30");
    }

    @Test
    void badDaysAreRefusedWithProblems() {
        given().contentType(ContentType.JSON).body(Map.of("kind", "MAKEUP_WORKDAY")).when()
                .put("/api/calendar/days/{date}", "2033-05-03").then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON)).body("violations[0].field", equalTo("kind"))
                .body("detail", containsString("a working day already"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY")).when()
                .put("/api/calendar/days/{date}", "2033-02-30").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY")).when()
                .put("/api/calendar/days/{date}", "1999-12-31").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "DAY_OFF")).when()
                .put("/api/calendar/days/{date}", "2033-05-03").then().statusCode(400).contentType(startsWith(PROBLEM_JSON));
        given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY", "name", "长".repeat(101))).when()
                .put("/api/calendar/days/{date}", "2033-05-03").then().statusCode(400).contentType(startsWith(PROBLEM_JSON));
        given().queryParam("year", "twenty").when().get("/api/calendar/days").then().statusCode(400)
                .body("violations[0].field", equalTo("year"));
        given().queryParam("amount", 3).when().get("/api/calendar/due").then().statusCode(400)
                .body("violations[0].field", equalTo("unit"));
        given().queryParam("amount", 3).queryParam("unit", "DAYS").when().get("/api/calendar/due").then().statusCode(400);
        given().queryParam("amount", 1001).queryParam("unit", "WORKING_DAYS").when().get("/api/calendar/due").then()
                .statusCode(400).body("violations[0].field", equalTo("amount"));
        given().queryParam("from", "friday").queryParam("amount", 3).queryParam("unit", "HOURS").when()
                .get("/api/calendar/due").then().statusCode(400).body("violations[0].field", equalTo("from"));
    }

    @Test
    void anImportIsAllOrNothingAndNamesTheBadLine() {
        clear(2032);
        Response answer = importFile("date,kind,name\n2032-10-01,HOLIDAY,测试\n2032-10-04,HOLIDAY,测试\n"
                + "2032-10-06,MAKEUP_WORKDAY,测试\n", null);
        answer.then().statusCode(400).contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:communitydesk:problem:invalid-request"))
                .body("line", equalTo(4))
                .body("detail", startsWith("Line 4: 2032-10-06 is a wednesday"))
                .body("violations[0].field", equalTo("file"));
        assertThat(year(2032).<String>getList("days.date")).as("nothing of the file was stored").isEmpty();

        importFile("2032-10-01,HOLIDAY\n2033-01-01,holiday\n2099-13-01,HOLIDAY\n", null).then().statusCode(400)
                .body("line", equalTo(3));
        importFile("1999-10-01,HOLIDAY\n", null).then().statusCode(400).body("line", equalTo(1));
        importFile("# only a comment\n", null).then().statusCode(400).body("violations[0].field", equalTo("file"));
        importBytes(new byte[] { (byte) 0xB9, (byte) 0xFA, (byte) 0xC7, (byte) 0xEC }, null).then().statusCode(400)
                .body("detail", containsString("UTF-8"));
        importFile("2032-10-01,HOLIDAY\n", "perhaps").then().statusCode(400).body("violations[0].field", equalTo("replace"));
        // The body limit of every JSON request holds for the file too: 256 KB, far above a year's 2 KB.
        byte[] huge = ("# " + "x".repeat(1024) + "\n").repeat(300).getBytes(StandardCharsets.UTF_8);
        importBytes(huge, null).then().statusCode(413).contentType(startsWith(PROBLEM_JSON));
        assertThat(year(2032).<String>getList("days.date")).isEmpty();
    }

    @Test
    void anImportAddsAndChangesDaysAndWithReplaceReplacesItsYears() {
        clear(2032);
        importFile("2032-09-25,MAKEUP_WORKDAY,测试调休\n2032-10-01,HOLIDAY,测试\n2032-10-05,HOLIDAY,测试\n", null)
                .then().statusCode(200).body("created", equalTo(3));
        // Without replace, days the file leaves out stay.
        importFile("2032-10-01,HOLIDAY,测试改名\n2032-10-06,HOLIDAY,测试\n", null).then().statusCode(200)
                .body("created", equalTo(1)).body("changed", equalTo(1)).body("removed", equalTo(0));
        assertThat(year(2032).<String>getList("days.date"))
                .containsExactly("2032-09-25", "2032-10-01", "2032-10-05", "2032-10-06");
        // With replace, the file is the year.
        importFile("2032-10-01,HOLIDAY,测试改名\n2032-10-04,HOLIDAY,测试\n", "true").then().statusCode(200)
                .body("created", equalTo(1)).body("unchanged", equalTo(1)).body("removed", equalTo(3));
        assertThat(year(2032).<String>getList("days.date")).containsExactly("2032-10-01", "2032-10-04");
        clear(2032);
    }

    @Test
    void anImportMustSayItIsNotFromAnotherSite() {
        // Without X-Requested-With (which a cross-site form cannot send), a multipart POST under /api is refused.
        given().multiPart("file", "calendar.csv", "2032-10-01,HOLIDAY\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/calendar/import").then().statusCode(415);
        given().header("X-Requested-With", "test").when().post("/api/calendar/import").then().statusCode(415);
    }

    @Test
    void onlyAnAdministratorKeepsTheCalendar() {
        for (TestUsers.User user : List.of(TestUsers.staff("calendar-staff", "beixinyuan"),
                TestUsers.supervisor("calendar-supervisor", "yingbin"),
                TestUsers.contractor("calendar-crew", "tongda-dredging"))) {
            user.request().when().get("/api/calendar/days").then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
            user.request().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY")).when()
                    .put("/api/calendar/days/{date}", "2033-06-01").then().statusCode(403);
            user.request().header("X-Requested-With", "test")
                    .multiPart("file", "calendar.csv", "2033-06-01,HOLIDAY\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                    .when().post("/api/calendar/import").then().statusCode(403);
        }
        given().auth().none().when().get("/api/calendar/days").then().statusCode(401);
        assertThat(year(2033).<String>getList("days.date")).doesNotContain("2033-06-01");
    }
}
