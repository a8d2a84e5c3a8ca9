package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.BASE;
import static org.communitydesk.open311.Open311Api.anonymous;
import static org.communitydesk.open311.Open311Api.created;
import static org.communitydesk.open311.Open311Api.form;
import static org.communitydesk.open311.Open311Api.issueKey;
import static org.communitydesk.open311.Open311Api.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.open311.Open311Api.Key;
import org.communitydesk.support.TestPhotos;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * POST requests with a photo: a multipart 'media' part (GeoReport v2.1 draft), and a media_url that names a
 * loopback address (refused: the test settings list localhost but allow no private addresses). Fetching a
 * media_url from a real server is Open311MediaUrlTest's.
 */
@QuarkusTest
class Open311MediaTest {

    static Response postMultipart(String format, Map<String, String> form, byte[] media, String fileName) {
        RequestSpecification request = anonymous().contentType("multipart/form-data");
        for (var field : form.entrySet()) {
            request = request.multiPart(field.getKey(), field.getValue(), "text/plain; charset=utf-8");
        }
        if (media != null) {
            request = request.multiPart("media", fileName, media, "image/jpeg");
        }
        return request.when().post(BASE + "/requests." + format);
    }

    static JsonPath photosOf(String code) {
        return given().when().get("/api/tickets/{code}/photos", code).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMultipartMediaPartBecomesTheTicketsIntakePhoto() {
        Key key = issueKey("随手拍 " + token(), false);
        String token = token();

        String code = created(postMultipart("json", form(key, "井盖冒水 " + token), TestPhotos.jpeg(System.nanoTime()), "p.jpg"));

        JsonPath photos = photosOf(code);
        assertThat(photos.getList("photos")).hasSize(1);
        assertThat(photos.getString("photos[0].step")).isEqualTo("INTAKE");
        assertThat(photos.getString("photos[0].visibility")).isEqualTo("INTERNAL");
        assertThat(photos.getString("photos[0].addedBy")).isEqualTo("open311:" + key.prefix());
        assertThat(TicketApi.get(code).then().extract().jsonPath().getString("description")).isEqualTo("井盖冒水 " + token);
        assertThat(given().when().get("/api/tickets/{code}/events", code).then().extract().jsonPath()
                .getList("type", String.class)).contains("PHOTO_ADDED");
    }

    @Test
    void aMultipartPostWithoutMediaIsAnOrdinaryRequest() {
        Key key = issueKey("随手拍 " + token(), false);
        String code = created(postMultipart("json", form(key, "井盖松动 " + token()), null, null));
        assertThat(photosOf(code).getList("photos")).isEmpty();
    }

    @Test
    void mediaThatIsNotAnImageIsRefusedInOpen311sFormatAndNothingIsMade() {
        Key key = issueKey("随手拍 " + token(), false);
        String token = token();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        Open311ErrorsTest.assertError(postMultipart("json", form(key, "伪装 " + token), html, "photo.jpg"), "json", 400,
                "JPEG");
        Open311ErrorsTest.assertError(postMultipart("xml", form(key, "伪装 " + token), html, "photo.jpg"), "xml", 400,
                "JPEG");
        assertNoTicketWith(token);
    }

    @Test
    void twoMediaPartsOrAnotherFilePartAreRefused() {
        Key key = issueKey("随手拍 " + token(), false);
        String token = token();
        byte[] jpeg = TestPhotos.jpeg(System.nanoTime());
        RequestSpecification request = anonymous().contentType("multipart/form-data");
        for (var field : form(key, "两张 " + token).entrySet()) {
            request = request.multiPart(field.getKey(), field.getValue(), "text/plain; charset=utf-8");
        }
        Response answer = request.multiPart("media", "a.jpg", jpeg, "image/jpeg").multiPart("media", "b.jpg", jpeg, "image/jpeg")
                .when().post(BASE + "/requests.json");
        Open311ErrorsTest.assertError(answer, "json", 400, "one 'media'");
        assertNoTicketWith(token);
    }

    @Test
    void aMediaUrlOnALoopbackAddressIsNeverFetched() {
        Key key = issueKey("随手拍 " + token(), false);
        String token = token();
        Map<String, String> form = form(key, "内网 " + token);
        form.put("media_url", "http://localhost:9/photo.jpg");

        Open311ErrorsTest.assertError(post("json", form), "json", 400, "loopback or private-range");
        assertNoTicketWith(token);
    }

    @Test
    void withAnUnknownKeyNothingIsDecodedAndTheAnswerIs403() {
        Map<String, String> form = form(new Key("nokey", "no-such-key-" + token()), "无效 " + token());
        Open311ErrorsTest.assertError(postMultipart("json", form, "not an image".getBytes(StandardCharsets.UTF_8),
                "x.jpg"), "json", 403, "api_key");
    }

    static void assertNoTicketWith(String token) {
        assertThat(given().queryParam("q", token).when().get("/api/tickets").then().statusCode(200).extract()
                .jsonPath().getLong("total")).as("tickets made by the refused POST").isZero();
    }

    static String token() {
        // Two UUIDs: one alone may hold fewer than six letters.
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replaceAll("[0-9-]", "").substring(0, 6) + "x";
    }
}
