package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.communitydesk.directory.Organization;
import org.communitydesk.web.PageLanguage;
import org.junit.jupiter.api.Test;

/**
 * One ticket's timeline in Chinese and in English: what the system wrote is stored as a wording with parameters
 * and rendered in the reader's language on the staff API, the residents' API (Accept-Language), Open311 (Chinese
 * unless asked) and the pages (?lang=); what people typed reads as typed in both.
 */
@QuarkusTest
class TimelineLanguageTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Inject
    EntityManager em;

    /** What people typed in the story below; the only Chinese an English timeline may show. */
    private record Story(String code, String accessCode, String callerWords, String resolution, String cause,
            String publicNote) {

        List<String> typed() {
            return List.of(callerWords, resolution, cause, publicNote);
        }
    }

    /**
     * A phone call, a second call, a dispatch to two organizations, a reassignment, a resolution with its cause,
     * the resident's "not solved" (which reopens it) and a public note.
     */
    private Story story() {
        String token = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "q");
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        created.then().statusCode(201);
        Story story = new Story(created.path("code"), created.path("accessCode"), "同一处污水井，又冒水了 " + token,
                "清理油污结块，疏通管道 " + token, "油污结块", "清掏队明天再来 " + token);
        move(story.code(), "reports", Map.of("reporter", Map.of("name", "周女士", "phone", "13903520005"),
                "channel", "PHONE", "note", story.callerWords())).then().statusCode(200);
        move(story.code(), "dispatch", dispatchBody("tongda-dredging", "datong-sewage")).then().statusCode(200);
        move(story.code(), "dispatch", dispatchBody("datong-sewage")).then().statusCode(200);
        move(story.code(), "start", null).then().statusCode(200);
        move(story.code(), "resolve", Map.of("resolution", story.resolution(), "rootCause", story.cause()))
                .then().statusCode(200);
        resident(story).contentType(ContentType.JSON).body(Map.of("rating", 2, "resolved", false))
                .when().post("/api/public/tickets/{code}/feedback", story.code()).then().statusCode(200);
        move(story.code(), "notes", Map.of("text", story.publicNote(), "visibility", "PUBLIC")).then().statusCode(201);
        return story;
    }

    @Test
    void theStaffApiSpeaksChineseByDefaultAndEnglishWhenAsked() {
        Story story = story();

        List<String> chinese = given().when().get("/api/tickets/{code}/events", story.code()).then().statusCode(200)
                .extract().jsonPath().getList("note", String.class);
        assertThat(chinese).containsExactly("电话受理",
                "第 2 次反映（电话）：" + story.callerWords(),
                "通达管道专业清掏队（牵头）、大同市政排污所（配合）",
                "通达管道专业清掏队（牵头）、大同市政排污所（配合） → 大同市政排污所（牵头）",
                null,
                story.resolution() + "（原因：" + story.cause() + "）",
                "居民评价：2 分，未解决",
                "居民反映问题未解决",
                story.publicNote());

        List<String> english = given().header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5").when()
                .get("/api/tickets/{code}/events", story.code()).then().statusCode(200)
                .extract().jsonPath().getList("note", String.class);
        assertThat(english).containsExactly("Received: phone",
                "Report no. 2 (phone): " + story.callerWords(),
                "Tongda Professional Pipe Dredging Team (lead), Datong Municipal Sewage Office (support)",
                "Tongda Professional Pipe Dredging Team (lead), Datong Municipal Sewage Office (support) → "
                        + "Datong Municipal Sewage Office (lead)",
                null,
                story.resolution() + " (cause: " + story.cause() + ")",
                "Resident's rating: 2 of 5, not solved",
                "The resident says the problem is not solved",
                story.publicNote());
        assertNoSystemChinese(english, story);
        // A language we do not have, or one preferred less than Chinese, gets Chinese.
        assertThat(given().header("Accept-Language", "fr-FR, zh;q=0.8, en;q=0.5").when()
                .get("/api/tickets/{code}/events", story.code()).then().extract().jsonPath().getString("[0].note"))
                .isEqualTo("电话受理");
    }

    @Test
    void theResidentsApiFollowsAcceptLanguageAndMasksAsBefore() {
        Story story = story();

        List<String> chinese = resident(story).when().get("/api/public/tickets/{code}", story.code()).then()
                .statusCode(200).extract().jsonPath().getList("events.note", String.class);
        assertThat(chinese).contains("电话受理", "居民评价：2 分，未解决", story.publicNote())
                .doesNotContain("Received: phone");

        Response english = resident(story).header("Accept-Language", "en").when()
                .get("/api/public/tickets/{code}", story.code());
        english.then().statusCode(200);
        List<String> notes = english.jsonPath().getList("events.note", String.class);
        assertThat(notes).contains("Received: phone", "Resident's rating: 2 of 5, not solved",
                "The resident says the problem is not solved", story.publicNote());
        assertThat(english.jsonPath().getString("events.find { it.type == 'REASSIGNED' }.note"))
                .endsWith("→ Datong Municipal Sewage Office (lead)");
        assertNoSystemChinese(notes, story);
        // The further call is INTERNAL: neither the caller's words nor their name leave.
        assertThat(english.asString()).doesNotContain(story.callerWords(), "周女士");
    }

    @Test
    void open311TellsMovesInChineseUnlessEnglishIsAsked() {
        Story story = story();
        String path = "/open311/v2/requests/{code}.json?extensions=true";

        Response chinese = given().auth().none().when().get(path, story.code());
        chinese.then().statusCode(200).header("Vary", "Accept-Language");
        assertThat(chinese.jsonPath().getList("[0].notes.description", String.class)).containsExactly("已受理", "已派单",
                "已改派", "已开始处理", "已处理完毕", "已重新处理", story.publicNote());

        Response english = given().auth().none().header("Accept-Language", "en").when().get(path, story.code());
        assertThat(english.jsonPath().getList("[0].notes.description", String.class)).containsExactly("Received",
                "Dispatched to the organizations that will do the work", "Reassigned", "Work has started", "Resolved",
                "Reopened", story.publicNote());
    }

    @Test
    void theTicketPageAndTheStatusPageShowTheSystemsWordsInThePagesLanguage() {
        Story story = story();

        String chinesePage = given().when().get("/console/tickets/{code}?lang=zh", story.code()).then().statusCode(200)
                .extract().asString();
        assertThat(chinesePage).contains("电话受理", "第 2 次反映（电话）：" + story.callerWords(), "通达管道专业清掏队（牵头）",
                "（原因：" + story.cause() + "）", "居民反映问题未解决");

        String englishPage = given().when().get("/console/tickets/{code}?lang=en", story.code()).then().statusCode(200)
                .extract().asString();
        String timeline = englishPage.substring(englishPage.indexOf("<ol class=\"timeline\">"));
        assertThat(timeline).contains("Received: phone", "Report no. 2 (phone): " + story.callerWords(),
                "Tongda Professional Pipe Dredging Team (lead), Datong Municipal Sewage Office (support)",
                "(cause: " + story.cause() + ")", "Resident&#39;s rating: 2 of 5, not solved",
                "The resident says the problem is not solved", story.publicNote())
                .doesNotContain("电话受理", "（牵头）", "次反映", "原因：", "居民评价", "居民反映");
        assertNoSystemChinese(eventNotes(timeline), story);

        String statusPage = given().auth().none().header("X-Forwarded-For", "10.7.0." + (int) (Math.random() * 250))
                .cookie(PageLanguage.COOKIE, "en").contentType(ContentType.URLENC).formParam("code", story.code())
                .formParam("accessCode", story.accessCode()).when().post("/status").then().statusCode(200)
                .extract().asString();
        String publicTimeline = statusPage.substring(statusPage.indexOf("<ol class=\"timeline\">"));
        assertThat(publicTimeline).contains("Received: phone", "Datong Municipal Sewage Office (lead)",
                "Resident&#39;s rating: 2 of 5, not solved", story.publicNote())
                .doesNotContain("电话受理", "（牵头）", "居民评价");
        assertNoSystemChinese(eventNotes(publicTimeline), story);
    }

    @Test
    void aResidentsReopeningIsToldByItsWordingNotByItsText() {
        Story story = story();
        // Staff reopen with a reason that reads exactly as the resident's line does in Chinese.
        move(story.code(), "start", null).then().statusCode(200);
        move(story.code(), "resolve", Map.of("resolution", "再次疏通")).then().statusCode(200);
        move(story.code(), "reopen", Map.of("reason", "居民反映问题未解决")).then().statusCode(200);

        List<TicketEvent> reopenings = reopeningsOf(story.code());
        assertThat(reopenings).hasSize(2);
        assertThat(reopenings.get(0).isReopenedByResident()).isTrue();
        assertThat(reopenings.get(0).wording).isEqualTo(Wording.REOPENED_BY_RESIDENT);
        assertThat(reopenings.get(0).note).isNull();
        assertThat(reopenings.get(1).isReopenedByResident()).isFalse();
        assertThat(reopenings.get(1).note).isEqualTo("居民反映问题未解决");
        // People's text is kept as typed: in English too.
        assertThat(given().header("Accept-Language", "en").when().get("/api/tickets/{code}/events", story.code())
                .then().extract().jsonPath().getList("findAll { it.type == 'REOPENED' }.note", String.class))
                .containsExactly("The resident says the problem is not solved", "居民反映问题未解决");
    }

    @Test
    void everyWordingHasWordsInBothLanguages() {
        Organization tongda = new Organization();
        tongda.code = "tongda-dredging";
        tongda.nameZh = "通达管道专业清掏队";
        tongda.nameEn = "Tongda Professional Pipe Dredging Team";
        Organization unnamed = new Organization();
        unnamed.code = "no-english";
        unnamed.nameZh = "某物业公司";
        unnamed.nameEn = " ";
        var orders = List.of(new Ticket.AssignmentOrder(tongda, AssignmentRole.LEAD));
        Map<Wording, EventWording> samples = new java.util.EnumMap<>(Wording.class);
        samples.put(Wording.REPORTED, EventWording.reported(Channel.HOTLINE_12345));
        samples.put(Wording.FURTHER_REPORT, EventWording.furtherReport(3, Channel.WALK_IN));
        samples.put(Wording.ASSIGNED, EventWording.assigned(orders));
        samples.put(Wording.REASSIGNED, EventWording.reassigned(List.of(), orders));
        samples.put(Wording.RESOLVED_WITH_CAUSE, EventWording.resolved("grease"));
        samples.put(Wording.CANCELLED, EventWording.cancelled(CancelReason.OUT_OF_SCOPE, null));
        samples.put(Wording.RESIDENT_FEEDBACK, EventWording.feedback(4, true, FeedbackSource.RESIDENT, "resident"));
        samples.put(Wording.FOLLOW_UP_FEEDBACK, EventWording.feedback(1, false, FeedbackSource.FOLLOW_UP_CALL, "admin"));
        samples.put(Wording.PHOTO_REMOVED, EventWording.photoRemoved(2));
        samples.put(Wording.ACCEPTED, EventWording.accepted(tongda, AssignmentRole.SUPPORT));
        samples.put(Wording.RETURNED, EventWording.returned(tongda, ReturnReason.NEEDS_ANOTHER_AGENCY));
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.time.Instant due = java.time.Instant.parse("2026-12-09T01:00:00Z");
        for (Wording extension : List.of(Wording.EXTENSION_REQUESTED, Wording.EXTENSION_APPROVED, Wording.EXTENSION_REJECTED)) {
            samples.put(extension, EventWording.extension(extension, due, zone));
        }
        samples.put(Wording.URGED, EventWording.urged(tongda));
        samples.put(Wording.PAUSED, EventWording.paused(PauseReason.WAITING_FOR_THIRD_PARTY));
        samples.put(Wording.RESUMED, EventWording.resumed(PauseReason.WAITING_FOR_RESIDENT));
        samples.put(Wording.POSITION_FROM_PHOTO, EventWording.positionFromPhoto(40.0931, 113.2921));
        samples.put(Wording.NOTIFICATION_SENT, EventWording.delivery(true, "SMS", "139****1234", "resident-logged", null));
        samples.put(Wording.NOTIFICATION_FAILED,
                EventWording.delivery(false, "EMAIL", "***@example.org", "organization-overdue", "550 mailbox full"));
        for (Wording key : Wording.values()) {
            EventWording wording = samples.getOrDefault(key, EventWording.of(key));
            TicketEvent event = new TicketEvent(null, EventType.NOTE, null, null, Ticket.SYSTEM, java.time.Instant.now(),
                    wording, key == Wording.RESOLVED_WITH_CAUSE ? "cleared" : null, Visibility.INTERNAL);
            String english = event.text(java.util.Locale.ENGLISH);
            String chinese = event.text(EventTexts.DEFAULT);
            assertThat(english).as("%s in English", key).isNotBlank();
            assertThat(HAN.matcher(english).find()).as("Chinese in the English words of %s: %s", key, english).isFalse();
            assertThat(HAN.matcher(chinese).find()).as("no Chinese in the Chinese words of %s: %s", key, chinese).isTrue();
        }
        assertThat(new TicketEvent(null, EventType.NOTE, null, null, Ticket.SYSTEM, java.time.Instant.now(),
                EventWording.delivery(false, "SMS", "139****1234", "resident-logged", "gateway answered 503"), null,
                Visibility.INTERNAL).text(java.util.Locale.ENGLISH))
                .isEqualTo("SMS 139****1234 (resident-logged): gateway answered 503");
        assertThat(new TicketEvent(null, EventType.RETURNED, null, null, Ticket.SYSTEM, java.time.Instant.now(),
                EventWording.returned(tongda, ReturnReason.NOT_OUR_JURISDICTION), null, Visibility.INTERNAL)
                .text(java.util.Locale.ENGLISH))
                .isEqualTo("Tongda Professional Pipe Dredging Team returned the order: not our jurisdiction");
        // An approved extension tells everyone the new due time, in the installation's time it was written in.
        TicketEvent approved = new TicketEvent(null, EventType.EXTENSION_APPROVED, null, null, Ticket.SYSTEM,
                java.time.Instant.now(), samples.get(Wording.EXTENSION_APPROVED), null, Visibility.PUBLIC);
        assertThat(approved.text(EventTexts.DEFAULT)).isEqualTo("处理时限已延长至 2026-12-09 09:00");
        assertThat(approved.text(java.util.Locale.ENGLISH)).isEqualTo("The time to resolve is extended to 2026-12-09 09:00");
        // An organization without an English name is named in Chinese, as stored.
        assertThat(new TicketEvent(null, EventType.DISPATCHED, null, null, Ticket.SYSTEM, java.time.Instant.now(),
                EventWording.assigned(List.of(new Ticket.AssignmentOrder(unnamed, AssignmentRole.LEAD))), null,
                Visibility.PUBLIC).text(java.util.Locale.ENGLISH)).isEqualTo("某物业公司 (lead)");
        // A row from before the wording was stored is shown as stored.
        assertThat(new TicketEvent(null, EventType.REASSIGNED, null, null, Ticket.SYSTEM, java.time.Instant.now(), null,
                "甲（牵头） → 乙（牵头）", Visibility.PUBLIC).text(java.util.Locale.ENGLISH)).isEqualTo("甲（牵头） → 乙（牵头）");
    }

    @Transactional
    List<TicketEvent> reopeningsOf(String code) {
        return em.createQuery("select e from TicketEvent e where e.ticket.code = :code and e.type = :type order by e.id",
                TicketEvent.class).setParameter("code", code).setParameter("type", EventType.REOPENED).getResultList();
    }

    private static io.restassured.specification.RequestSpecification resident(Story story) {
        return given().auth().none().header("X-Forwarded-For", "10.8.0." + (int) (Math.random() * 250))
                .header("X-Access-Code", story.accessCode());
    }

    /** The texts of a rendered timeline's lines. */
    private static List<String> eventNotes(String html) {
        return Pattern.compile("<p class=\"event-note\">([^<]*)</p>").matcher(html).results().map(m -> m.group(1)).toList();
    }

    /** Without what people typed, an English line holds no Chinese character. */
    private static void assertNoSystemChinese(List<String> lines, Story story) {
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            String system = line;
            for (String typed : story.typed()) {
                system = system.replace(typed, "");
            }
            assertThat(HAN.matcher(system).find()).as("system words in Chinese in '%s'", line).isFalse();
        }
    }
}
