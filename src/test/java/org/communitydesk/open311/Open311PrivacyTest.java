package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.created;
import static org.communitydesk.open311.Open311Api.form;
import static org.communitydesk.open311.Open311Api.get;
import static org.communitydesk.open311.Open311Api.issueKey;
import static org.communitydesk.open311.Open311Api.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.communitydesk.open311.Open311Api.Key;
import org.communitydesk.support.TicketApi;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No personal data leaves through Open311: callers' names and phones (of the ticket and of further
 * reports), the building or flat, and the e-mail an application sends appear in no answer, JSON or
 * XML, list or single, even where staff or the resident typed them into the description or a public
 * note; nor does any of it reach the application's log while Open311 handles the requests.
 */
@QuarkusTest
class Open311PrivacyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final LogCapture log = new LogCapture();

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(log);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(log);
    }

    @Test
    void noAnswerAndNoLogLineCarriesPersonalData() {
        String caller = "欧阳" + han(3);
        String callerPhone = "139" + digits(8);
        String neighbour = "司马" + han(2);
        String neighbourPhone = "0352-" + digits(7);
        String flat = digits(1) + "号楼" + digits(1) + "单元" + digits(3) + "室";
        String residentFirst = han(2);
        String residentLast = "诸葛";
        String residentPhone = "138" + digits(8);
        String residentEmail = "zhuge." + digits(4) + "@example.cn";

        // A call logged by staff, with the caller's details typed into the description too.
        Map<String, Object> intake = TicketApi.intake("sewage-overflow", "beixinyuan", "hongan");
        intake.put("reporter", Map.of("name", caller, "phone", callerPhone));
        intake.put("description", "居民" + caller + "（电话" + callerPhone + "）反映" + flat + "门口污水外溢，邻居"
                + neighbour + "也打过 " + neighbourPhone);
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) intake.get("location");
        location.put("addressDetail", flat);
        String staffTicket = TicketApi.create(intake).then().statusCode(201).extract().path("code");
        // A neighbour calls about the same overflow; staff write a public note that names both.
        given().contentType(ContentType.JSON)
                .body(Map.of("reporter", Map.of("name", neighbour, "phone", neighbourPhone), "channel", "PHONE",
                        "note", neighbour + " 说更严重了"))
                .when().post("/api/tickets/{code}/reports", staffTicket).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "已联系" + caller + "和" + neighbour + "，回电 " + callerPhone.substring(0, 3) + " "
                        + callerPhone.substring(3, 7) + " " + callerPhone.substring(7), "visibility", "PUBLIC"))
                .when().post("/api/tickets/{code}/notes", staffTicket).then().statusCode(201);

        // A resident reports through an application, and writes their own name and phone into the text.
        Key key = issueKey("隐私测试 " + digits(6), false);
        Map<String, String> form = form(key, "我是" + residentLast + residentFirst + "，手机 " + residentPhone
                + "，" + flat + " 下水道堵了");
        form.put("first_name", residentFirst);
        form.put("last_name", residentLast);
        form.put("phone", residentPhone);
        form.put("email", residentEmail);
        form.put("address_string", "宏安小区" + flat);
        var postAnswer = post("json", form);
        String appTicket = created(postAnswer);
        String postXml = post("xml", form).asString();

        List<String> personal = List.of(caller, callerPhone, neighbour, neighbourPhone, neighbourPhone.replace("-", ""),
                flat, residentFirst, residentLast + residentFirst, residentPhone, residentEmail);
        assertThat(postAnswer.asString()).doesNotContain(personal);
        assertThat(postXml).doesNotContain(personal);
        List<String> answers = new ArrayList<>();
        String ids = staffTicket + "," + appTicket;
        for (String format : List.of("json", "xml")) {
            answers.add(get("/requests." + format).asString());
            answers.add(get("/requests." + format + "?service_request_id=" + ids).asString());
            answers.add(get("/requests." + format + "?service_code=sewage-overflow&status=open").asString());
            answers.add(get("/requests/" + staffTicket + "." + format).asString());
            answers.add(get("/requests/" + appTicket + "." + format).asString());
        }

        for (String answer : answers) {
            // Masked, not left out: the descriptions are there, with *** where the personal data was.
            assertThat(answer).contains("***").doesNotContain(personal);
        }
        // What is left is still useful: the public note without the names, the place without the flat.
        String staffJson = get("/requests/" + staffTicket + ".json").asString();
        assertThat(staffJson).contains("已联系***和***，回电 ***", "宏安小区, 北馨园社区", "门口污水外溢");
        // The staff API still has everything, for the call back.
        assertThat(TicketApi.get(appTicket).jsonPath().getString("reporter.phone")).isEqualTo(residentPhone);

        assertThat(log.lines).as("log lines while Open311 handled the requests")
                .anySatisfy(line -> assertThat(line).contains("Open311 request " + appTicket + " created with key"));
        for (String line : log.lines) {
            assertThat(line).doesNotContain(personal).doesNotContain(key.apiKey());
        }
    }

    @Test
    void phoneNumbersWrittenInAnyFormAreMaskedInOpen311AndInTheResidentsStatus() {
        // Issue 20, point 4: the forms the old ASCII-only mask let through, in the description and a public note.
        String tail = digits(4);
        List<String> written = List.of(
                "１３９０３５２" + tail.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat),
                "139.0352." + tail, "139/0352/" + tail, "139．0352．" + tail, "一三九 〇三五二 " + chinese(tail));
        Map<String, Object> intake = TicketApi.intake("sewage-overflow", "beixinyuan", "hongan");
        intake.put("description", "污水外溢，联系 " + written.get(0) + "、" + written.get(1) + "、" + written.get(2));
        var created = TicketApi.create(intake).then().statusCode(201).extract();
        String code = created.path("code");
        String accessCode = created.path("accessCode");
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "已回电 " + written.get(3) + " 和 " + written.get(4), "visibility", "PUBLIC"))
                .when().post("/api/tickets/{code}/notes", code).then().statusCode(201);

        List<String> answers = new ArrayList<>();
        for (String format : List.of("json", "xml")) {
            answers.add(get("/requests." + format + "?service_request_id=" + code).asString());
            answers.add(get("/requests/" + code + "." + format).asString());
        }
        answers.add(given().auth().none().header("X-Forwarded-For", "10.77." + RANDOM.nextInt(250) + ".1")
                .header("X-Access-Code", accessCode).when().get("/api/public/tickets/{code}", code)
                .then().statusCode(200).extract().asString());

        for (String answer : answers) {
            // The community office's line (0352-…) is published on purpose, to residents; the caller's never.
            answer = answer.replaceAll("\"officePhone\":\"[0-9-]+\"", "");
            assertThat(answer).doesNotContain(written).doesNotContain(tail).doesNotContain("0352")
                    .doesNotContain("〇三五二");
        }
        assertThat(answers.get(0)).contains("污水外溢，联系 ***、***、***");
        assertThat(answers.get(4)).contains("已回电 *** 和 ***");
    }

    private static String chinese(String digits) {
        return digits.chars().mapToObj(c -> String.valueOf("〇一二三四五六七八九".charAt(c - '0'))).reduce("", String::concat);
    }

    /** Chinese characters no fixture uses, so that a leak cannot be a coincidence. */
    private static String han(int count) {
        String pool = "甲乙丙丁戊己庚辛壬癸寅卯辰巳午未申酉戌亥";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pool.charAt(RANDOM.nextInt(pool.length())));
        }
        return text.toString();
    }

    private static String digits(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('1' + RANDOM.nextInt(9)));
        }
        return text.toString();
    }

    /** Every log record of the application while a test runs, formatted, with any stack trace. */
    static final class LogCapture extends Handler {

        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            lines.add(record.getLoggerName() + " " + message + " " + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
