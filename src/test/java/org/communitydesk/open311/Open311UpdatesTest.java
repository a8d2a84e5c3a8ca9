package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.BASE;
import static org.communitydesk.open311.Open311Api.JSON;
import static org.communitydesk.open311.Open311Api.W3C_SHANGHAI;
import static org.communitydesk.open311.Open311Api.anonymous;
import static org.communitydesk.open311.Open311Api.child;
import static org.communitydesk.open311.Open311Api.childNames;
import static org.communitydesk.open311.Open311Api.elements;
import static org.communitydesk.open311.Open311Api.get;
import static org.communitydesk.open311.Open311Api.xml;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Following a request: extensions=true (notes and extended attributes) on GET requests, and the
 * servicerequestupdates extension as FixMyStreet reads it. Public events only, staff notes masked.
 */
@QuarkusTest
class Open311UpdatesTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A ticket at a frozen time (to the half second) with a public note holding a phone, and an internal note. */
    private record Story(String code, Instant reportedAt, String token) {
    }

    private Story story(Instant at) {
        clock.freezeAt(at);
        String code = TicketApi.createTicket("street-light", "yujinyuan", null);
        // Letters only: a token of eight digits (one UUID in 40) would be masked as a phone number.
        String token = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "k");
        note(code, "电工明天上门，可拨 13912345678 联系 " + token, "PUBLIC");
        note(code, "内部：物业经理不配合 " + token, "INTERNAL");
        clock.freezeAt(at.plusSeconds(60));
        TicketApi.walk(code, "dispatch");
        clock.reset();
        return new Story(code, at, token);
    }

    @Test
    void extensionsAddThePublicEventsAndExtendedAttributes() {
        Story story = story(Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS).plusMillis(500));

        Response plain = get("/requests/" + story.code() + ".json");
        assertThat(plain.asString()).doesNotContain("\"notes\"", "\"extended_attributes\"");
        Response json = get("/requests/" + story.code() + ".json?extensions=true");
        json.then().statusCode(200).contentType(JSON);
        assertThat(GeoReportSchemas.errors("requests.json", json.asString())).isEmpty();
        assertThat(json.jsonPath().getList("[0].notes.type")).containsExactly("reported", "note", "dispatched");
        assertThat(json.jsonPath().getList("[0].notes.datetime", String.class)).allMatch(d -> d.matches(W3C_SHANGHAI));
        String note = json.jsonPath().getString("[0].notes[1].description");
        assertThat(note).contains("电工明天上门", story.token()).doesNotContain("13912345678");
        assertThat(json.asString()).doesNotContain("内部", "物业经理", "测试居民", "13900000000");
        assertThat(json.jsonPath().getString("[0].extended_attributes.channel")).isEqualTo("phone");
        assertThat(json.jsonPath().getInt("[0].extended_attributes.report_count")).isEqualTo(1);
        // The list takes it too, and the schema still holds.
        Response list = anonymous().queryParam("service_request_id", story.code()).queryParam("extensions", "true")
                .when().get(BASE + "/requests.json");
        assertThat(GeoReportSchemas.errors("requests.json", list.asString())).isEmpty();
        assertThat(list.jsonPath().getList("[0].notes")).hasSize(3);

        Document xml = xml(get("/requests/" + story.code() + ".xml?extensions=true"));
        Element request = elements(xml, "/service_requests/request").get(0);
        assertThat(childNames(request)).endsWith("media_url", "extended_attributes", "notes");
        assertThat(elements(xml, "/service_requests/request/notes/note/type")).extracting(Element::getTextContent)
                .containsExactly("reported", "note", "dispatched");
        assertThat(xml(get("/requests/" + story.code() + ".xml")).getElementsByTagName("notes").getLength()).isZero();

        Open311ErrorsTest.assertError(get("/requests/" + story.code() + ".json?extensions=maybe"), "json", 400,
                "extensions");
    }

    @Test
    void updatesSinceATimeArePublicStableAndInclusiveAtWholeSeconds() {
        Instant at = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).plusMillis(500);
        Story story = story(at);
        String from = w3c(at);
        String to = w3c(at.plusSeconds(60));

        List<Map<String, Object>> updates = updates(from, to).stream()
                .filter(u -> story.code().equals(u.get("service_request_id"))).toList();
        assertThat(updates).extracting(u -> u.keySet().stream().toList()).allSatisfy(keys -> assertThat(keys)
                .containsExactly("update_id", "service_request_id", "status", "updated_datetime", "description",
                        "media_url"));
        assertThat(updates).hasSize(3);
        assertThat(updates).extracting(u -> u.get("status")).containsOnly("open");
        assertThat(updates.get(0).get("updated_datetime")).isEqualTo(from);
        assertThat(updates.get(2).get("updated_datetime")).isEqualTo(to);
        assertThat((String) updates.get(1).get("description")).contains(story.token()).doesNotContain("13912345678");
        assertThat(updates.toString()).doesNotContain("内部", "物业经理");
        // Asked again, the same updates under the same ids.
        assertThat(updates(from, to).stream().filter(u -> story.code().equals(u.get("service_request_id")))
                .map(u -> u.get("update_id")).toList())
                .containsExactlyElementsOf(updates.stream().map(u -> u.get("update_id")).toList());
        // The ends are inclusive at the published second; a second later or earlier leaves the event out.
        assertThat(codesOf(updates(from, from))).contains(story.code());
        assertThat(codesOf(updates(w3c(at.plusSeconds(1)), w3c(at.plusSeconds(59))))).doesNotContain(story.code());

        Response xmlAnswer = anonymous().queryParam("start_date", from).queryParam("end_date", to)
                .when().get(BASE + "/servicerequestupdates.xml");
        Document xml = xml(xmlAnswer);
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("service_request_updates");
        List<Element> ours = elements(xml, "/service_request_updates/request_update").stream()
                .filter(u -> child(u, "service_request_id").equals(story.code())).toList();
        assertThat(ours).hasSize(3);
        assertThat(childNames(ours.get(0))).containsExactly("update_id", "service_request_id", "status",
                "updated_datetime", "description", "media_url");
        assertThat(child(ours.get(0), "update_id")).isEqualTo(updates.get(0).get("update_id"));
    }

    @Test
    void closedRequestsAndTheCapAndWindowErrors() {
        Instant at = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(at);
        String code = TicketApi.createTicket("lift-outage", "huaiyuan", "huaiyuan-north");
        TicketApi.walk(code, "cancel");
        clock.reset();
        List<Map<String, Object>> updates = updates(w3c(at), w3c(at)).stream()
                .filter(u -> code.equals(u.get("service_request_id"))).toList();
        assertThat(updates).extracting(u -> u.get("status")).containsExactly("open", "closed");

        for (String format : List.of("json", "xml")) {
            Open311ErrorsTest.assertError(anonymous().queryParam("page_size", "1001").when()
                    .get(BASE + "/servicerequestupdates." + format), format, 400, "page_size");
            Open311ErrorsTest.assertError(anonymous().queryParam("start_date", "2026-01-01T00:00:00Z")
                    .queryParam("end_date", "2026-06-01T00:00:00Z").when()
                    .get(BASE + "/servicerequestupdates." + format), format, 400, "90 days");
            Open311ErrorsTest.assertError(anonymous().queryParam("start_date", "yesterday").when()
                    .get(BASE + "/servicerequestupdates." + format), format, 400, "start_date");
        }
        assertThat(anonymous().queryParam("start_date", w3c(at)).queryParam("end_date", w3c(at))
                .queryParam("page_size", "1").when().get(BASE + "/servicerequestupdates.json").jsonPath().getList("$"))
                .hasSize(1);
    }

    private static List<Map<String, Object>> updates(String from, String to) {
        Response answer = anonymous().queryParam("start_date", from).queryParam("end_date", to)
                .when().get(BASE + "/servicerequestupdates.json");
        answer.then().statusCode(200).contentType(JSON);
        return answer.jsonPath().getList("$");
    }

    private static List<Object> codesOf(List<Map<String, Object>> updates) {
        return updates.stream().map(u -> u.get("service_request_id")).toList();
    }

    private static void note(String code, String text, String visibility) {
        given().contentType(ContentType.JSON).body(Map.of("text", text, "visibility", visibility))
                .when().post("/api/tickets/{code}/notes", code).then().statusCode(201);
    }

    private static String w3c(Instant instant) {
        // As published: always with the seconds (OffsetDateTime.toString() drops ":00").
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
                .format(instant.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
