package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.photo.PhotoBudgetHold;
import org.communitydesk.photo.TestImages;
import org.communitydesk.support.RawHttp;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.communitydesk.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Photos through the pages (issue 15, point 7): the intake and the ticket's forms are multipart and take photos
 * in the same transaction as their change; refused files (415, 413) bring the form back as typed, with nothing
 * stored; the ticket page shows thumbnails and offers the first intake photo's position; the status page shows
 * PUBLIC photos only. The test profile takes 3 files of at most 2 MB.
 */
@QuarkusTest
class PhotoPagesTest {

    @TestHTTPResource("/")
    URL base;

    private static final Pattern ACTION = Pattern.compile("/console/tickets/(CD-\\d{4}-\\d{6})$");
    private static final Pattern ACCESS_CODE = Pattern.compile("id=\"issued-access-code\" class=\"access-code\">([^<]+)<");
    private static final String INTAKE_FORM = "class=\"intake\"";
    private static final double LATITUDE = 40.0912;
    private static final double LONGITUDE = 113.3288;

    private static final byte[] MANHOLE = TestImages.jpegWithExif(TestImages.halves(400, 300), 1, LATITUDE, LONGITUDE);
    private static final byte[] CLEARED = TestImages.encode(TestImages.halves(300, 200), "jpeg");
    private static final byte[] NOT_AN_IMAGE = "<html><script>alert(1)</script></html>".getBytes();

    /** A browser signed in as {@code user}: the page's session cookie, and the hidden fields of one of its forms. */
    private record Page(String html, String sessionCookie, Map<String, String> hidden) {
    }

    /** The page at {@code path}; {@code form} picks the form whose hidden fields are taken (an attribute it has). */
    private static Page open(User user, String path, String form) {
        Response page = user.request().when().get(path);
        page.then().statusCode(200);
        String html = page.asString();
        return new Page(html, page.cookie(ConsoleSession.COOKIE), WebSession.hiddenFields(html, form));
    }

    private static RequestSpecification multipart(User user, Page page, Map<String, String> fields) {
        RequestSpecification request = user.request().redirects().follow(false)
                .cookie(ConsoleSession.COOKIE, page.sessionCookie());
        Map<String, String> all = new LinkedHashMap<>(page.hidden());
        all.putAll(fields);
        for (var field : all.entrySet()) {
            request = request.multiPart(new io.restassured.builder.MultiPartSpecBuilder(field.getValue())
                    .controlName(field.getKey()).charset("UTF-8").build());
        }
        return request;
    }

    private static RequestSpecification withFile(RequestSpecification request, String name, byte[] bytes) {
        return request.multiPart(PhotoForms.FIELD, name, bytes, "image/jpeg");
    }

    private static Map<String, String> call(String description) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("category", "sewer-blockage");
        fields.put("description", description);
        fields.put("reporterName", "王女士");
        fields.put("reporterPhone", "0352-2045");
        fields.put("community", "beixinyuan");
        fields.put("site", "hongan");
        fields.put("channel", "PHONE");
        // Saved as new whatever other tests left open at the same compound.
        fields.put("confirmed", "true");
        return fields;
    }

    private static String codeOf(Response redirect) {
        Matcher matcher = ACTION.matcher(redirect.header("Location"));
        assertThat(matcher.find()).as("redirect to a ticket: %s", redirect.header("Location")).isTrue();
        return matcher.group(1);
    }

    private static long ticketsWith(String text) {
        return given().queryParam("q", text).when().get("/api/tickets").then().statusCode(200).extract()
                .jsonPath().getLong("total");
    }

    @Test
    void theIntakeTakesPhotosFromAPhoneCameraAndStaffChooseWhoSeesThem() {
        User staff = TestUsers.staff("photointake", "beixinyuan");
        Page intake = open(staff, "/console/intake", INTAKE_FORM);
        assertThat(intake.html()).contains("enctype=\"multipart/form-data\"")
                .contains("type=\"file\" accept=\"image/*\" capture=\"environment\" multiple")
                .contains("最多 3 张，每张不超过 2 MB").contains("name=\"photoPublic\"");

        Map<String, String> fields = call("井盖冒水，见照片");
        fields.put(PhotoForms.PUBLIC_FIELD, "true");
        Response saved = withFile(multipart(staff, intake, fields), "IMG_0001.jpg", MANHOLE).when().post("/console/intake");
        saved.then().statusCode(303);
        String code = codeOf(saved);

        Response photos = staff.request().when().get("/api/tickets/{code}/photos", code);
        photos.then().statusCode(200).body("photos", hasSize(1)).body("photos[0].step", equalTo("INTAKE"))
                .body("photos[0].visibility", equalTo("PUBLIC")).body("photos[0].addedBy", equalTo(staff.username()))
                .body("suggestedPosition", notNullValue());
        String id = photos.path("photos[0].id");

        // The ticket page: the thumbnail in the timeline, opened through the console (the API takes HTTP Basic only).
        String page = staff.request().when().get("/console/tickets/{code}", code).then().statusCode(200).extract().asString();
        assertThat(page).contains("/console/photos/" + id + "/thumbnail").contains("href=\"/console/photos/" + id + "\"")
                .contains("受理时 · 居民可见").contains("id=\"photo-position\"").contains("40.09120, 113.32880");
        staff.request().when().get("/console/photos/{id}/thumbnail", id).then().statusCode(200).contentType("image/jpeg");
        staff.request().when().get("/console/photos/{id}", id).then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void theMultipartIntakeWorksWithoutPhotosAndAddsAFurtherCallsPhotosAsAReport() {
        User staff = TestUsers.staff("photonone", "beixinyuan");
        Page intake = open(staff, "/console/intake", INTAKE_FORM);
        String text = "无照片来电 " + UUID.randomUUID();
        // An empty file input still sends its part, without a name or bytes: that is no photo.
        Response saved = multipart(staff, intake, call(text)).multiPart(PhotoForms.FIELD, "", new byte[0],
                "application/octet-stream").when().post("/console/intake");
        saved.then().statusCode(303);
        String code = codeOf(saved);
        staff.request().when().get("/api/tickets/{code}/photos", code).then().statusCode(200).body("photos", hasSize(0));

        Map<String, String> further = call("又一次来电");
        further.put("addTo", code);
        Page again = open(staff, "/console/intake", INTAKE_FORM);
        withFile(multipart(staff, again, further), "IMG_0002.jpg", CLEARED).when().post("/console/intake").then()
                .statusCode(303);
        staff.request().when().get("/api/tickets/{code}/photos", code).then().statusCode(200)
                .body("photos", hasSize(1)).body("photos[0].step", equalTo("REPORT"))
                .body("photos[0].visibility", equalTo("INTERNAL"));
    }

    @Test
    void aFileThatIsNotAnImageBringsTheFormBackAsTypedAndSavesNothing() {
        User staff = TestUsers.staff("photobad", "beixinyuan");
        Page intake = open(staff, "/console/intake", INTAKE_FORM);
        String text = "坏文件来电 " + UUID.randomUUID();
        Response refused = withFile(withFile(multipart(staff, intake, call(text)), "IMG_0003.jpg", MANHOLE),
                "photo.jpg", NOT_AN_IMAGE).when().post("/console/intake");
        refused.then().statusCode(415).contentType(containsString("text/html"))
                .body(containsString("id=\"photo-problem\""), containsString("不是可用的照片"), containsString(text),
                        containsString("王女士"), containsString("id=\"photos-not-kept\""));
        assertThat(ticketsWith(text)).isZero();

        // In English, and too many files: 413 with the limit, the text kept, nothing saved.
        Page english = open(staff, "/console/intake?lang=en", INTAKE_FORM);
        RequestSpecification four = multipart(staff, english, call(text));
        for (int i = 0; i < 4; i++) {
            four = withFile(four, "IMG_" + i + ".jpg", CLEARED);
        }
        four.when().post("/console/intake?lang=en").then().statusCode(413)
                .body(containsString("Too many photos: at most 3 at once."), containsString(text));
        assertThat(ticketsWith(text)).isZero();

        // One file over the 2 MB of the test profile.
        byte[] large = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(CLEARED, 0, large, 0, CLEARED.length);
        withFile(multipart(staff, english, call(text)), "IMG_big.jpg", large).when().post("/console/intake?lang=en")
                .then().statusCode(413).body(containsString("A photo is too large: at most 2 MB each."));
        assertThat(ticketsWith(text)).isZero();
    }

    /** While other photos hold the memory for processing images, the form comes back as typed with why, in either language. */
    @Test
    void aFormWhosePhotosWaitedTooLongComesBackAsTypedAndSavesNothing() {
        User staff = TestUsers.staff("photobusy", "beixinyuan");
        String text = "照片排队来电 " + UUID.randomUUID();
        try (PhotoBudgetHold others = PhotoBudgetHold.all()) {
            Page intake = open(staff, "/console/intake", INTAKE_FORM);
            withFile(multipart(staff, intake, call(text)), "IMG_0004.jpg", MANHOLE).when().post("/console/intake")
                    .then().statusCode(503).contentType(containsString("text/html"))
                    .body(containsString("id=\"photo-problem\""), containsString("别的照片正在处理中"),
                            containsString(text), containsString("王女士"), containsString("id=\"photos-not-kept\""));

            Page english = open(staff, "/console/intake?lang=en", INTAKE_FORM);
            withFile(multipart(staff, english, call(text)), "IMG_0004.jpg", MANHOLE).when().post("/console/intake?lang=en")
                    .then().statusCode(503)
                    .body(containsString("Other photos were being processed and these waited too long"), containsString(text));
        }
        assertThat(ticketsWith(text)).isZero();
    }

    /**
     * A form over the request's limit (3 × 2 MB in the test profile) is refused before it is read: a page in the
     * reader's language with the limits and the way back, for a declared length and for a chunked body, never the
     * API's problem+json; the API's upload over the same limit keeps its problem+json.
     */
    @Test
    void aFormOverTheRequestLimitAnswersAPageInTheReadersLanguage() throws Exception {
        User staff = TestUsers.staff("photobulk", "beixinyuan");
        Page intake = open(staff, "/console/intake", INTAKE_FORM);
        String text = "四张大照片 " + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>(intake.hidden());
        fields.putAll(call(text));
        byte[] body = bulkyForm(fields, 4);
        String[] headers = { "Authorization: Basic " + basic(staff), "Cookie: " + ConsoleSession.COOKIE + "=" + intake.sessionCookie() };

        RawHttp.Answer chinese = RawHttp.post(base, "/console/intake", "multipart/form-data; boundary=" + BOUNDARY, body, headers);
        assertThat(chinese.status()).isEqualTo(413);
        assertThat(chinese.header("Content-Type")).startsWith("text/html");
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\"", "id=\"photos-too-large\"", "照片太大，表单没有提交",
                "一次最多 3 张，每张不超过 2 MB，合计不超过 6 MB", "href=\"/console/intake\" id=\"back-to-form\"")
                .doesNotContain("payload-too-large");

        RawHttp.Answer english = RawHttp.postChunked(base, "/console/intake?lang=en", "multipart/form-data; boundary=" + BOUNDARY,
                body, headers);
        assertThat(english.status()).isEqualTo(413);
        assertThat(english.header("Content-Type")).startsWith("text/html");
        assertThat(english.body()).contains("<html lang=\"en\"", "Photos too large: the form was not sent",
                "at most 3 photos at once, 2 MB each, 6 MB together", "Back to the form");
        assertThat(ticketsWith(text)).isZero();

        // A ticket's note form links back to its ticket.
        String code = createTicket();
        RawHttp.Answer note = RawHttp.post(base, "/console/tickets/" + code + "/notes?lang=en",
                "multipart/form-data; boundary=" + BOUNDARY, bulkyForm(Map.of("text", "大照片"), 4), headers);
        assertThat(note.status()).isEqualTo(413);
        assertThat(note.body()).contains("href=\"/console/tickets/" + code + "\" id=\"back-to-form\"");

        // The API keeps problem+json.
        RawHttp.Answer api = RawHttp.post(base, "/api/tickets/" + code + "/photos", "multipart/form-data; boundary=" + BOUNDARY,
                bulkyForm(Map.of("step", "NOTE"), 4), "Authorization: Basic " + basic(staff), "X-Requested-With: test");
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.body()).contains("payload-too-large");
    }

    private static final String BOUNDARY = "BulkyPhotoForm";

    /** A multipart form with the fields and {@code files} photos of 1.9 MB each (each under the file limit). */
    private static byte[] bulkyForm(Map<String, String> fields, int files) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] photo = new byte[1900 * 1024];
        System.arraycopy(CLEARED, 0, photo, 0, CLEARED.length);
        for (int i = 0; i < files; i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + PhotoForms.FIELD
                    + "\"; filename=\"IMG_" + i + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(photo);
            out.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String basic(User user) {
        return java.util.Base64.getEncoder().encodeToString((user.username() + ":" + user.password())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theCrewStartsAndResolvesWithPhotosAndAfterPhotosArePublicByDefault() {
        String code = createTicket();
        walk(code, "dispatch");
        User crew = TestUsers.contractor("photocrew", "tongda-dredging");

        Page start = open(crew, "/console/tickets/" + code, "id=\"start-form\"");
        assertThat(start.html()).contains("id=\"start-photo\" name=\"photo\" type=\"file\" accept=\"image/*\" capture=\"environment\" multiple");
        withFile(multipart(crew, start, Map.of()), "before.jpg", MANHOLE)
                .when().post("/console/tickets/{code}/start", code).then().statusCode(303);

        Page resolve = open(crew, "/console/tickets/" + code, "id=\"resolve-form\"");
        String resolveForm = resolve.html().substring(resolve.html().indexOf("id=\"resolve-form\""));
        assertThat(resolveForm.substring(0, resolveForm.indexOf("</form>")))
                .contains("name=\"photoPublic\" value=\"true\" checked");

        // A file that is not an image: the page again with the resolution as typed; the ticket is not resolved.
        withFile(multipart(crew, resolve, Map.of("resolution", "清掏油污，管道已疏通", "photoPublic", "true")),
                "after.jpg", NOT_AN_IMAGE).when().post("/console/tickets/{code}/resolve", code).then().statusCode(415)
                .body(containsString("清掏油污，管道已疏通"), containsString("id=\"photo-problem\""));
        given().when().get("/api/tickets/{code}", code).then().body("status", equalTo("IN_PROGRESS"));

        withFile(multipart(crew, resolve, Map.of("resolution", "清掏油污，管道已疏通", "photoPublic", "true")),
                "after.jpg", CLEARED).when().post("/console/tickets/{code}/resolve", code).then().statusCode(303);
        given().when().get("/api/tickets/{code}", code).then().body("status", equalTo("RESOLVED"));
        given().when().get("/api/tickets/{code}/photos", code).then().statusCode(200).body("photos", hasSize(2))
                .body("photos[0].step", equalTo("START")).body("photos[0].visibility", equalTo("INTERNAL"))
                .body("photos[1].step", equalTo("RESOLVE")).body("photos[1].visibility", equalTo("PUBLIC"))
                .body("photos[1].addedBy", equalTo(crew.username()));
        String page = crew.request().when().get("/console/tickets/{code}", code).then().extract().asString();
        assertThat(page).contains("开工前 · 仅工作人员可见").contains("完工后 · 居民可见");
    }

    @Test
    void aStaleResolveWithPhotosSaysThePhotosWereNotKeptAndStoresNone() {
        String code = createTicket();
        walk(code, "dispatch", "start");
        User crew = TestUsers.contractor("photostale", "tongda-dredging");
        Page resolve = open(crew, "/console/tickets/" + code, "id=\"resolve-form\"");
        given().contentType("application/json").body(Map.of("text", "meanwhile", "visibility", "INTERNAL"))
                .when().post("/api/tickets/{code}/notes", code).then().statusCode(201);
        // The note changed the version the form carries.
        withFile(multipart(crew, resolve, Map.of("resolution", "已疏通")), "after.jpg", CLEARED)
                .when().post("/console/tickets/{code}/resolve", code).then().statusCode(409)
                .body(containsString("id=\"stale\""), containsString("照片没有保存"), containsString("已疏通"));
        given().when().get("/api/tickets/{code}/photos", code).then().body("photos", hasSize(0));
    }

    @Test
    void aNoteTakesPhotosAsVisibleAsTheNote() {
        String code = createTicket();
        User staff = TestUsers.staff("photonote", "beixinyuan");
        Page note = open(staff, "/console/tickets/" + code, "id=\"note-form\"");
        withFile(multipart(staff, note, Map.of("text", "井盖已临时围挡", "visibility", "PUBLIC")), "fence.jpg", CLEARED)
                .when().post("/console/tickets/{code}/notes", code).then().statusCode(303);
        given().when().get("/api/tickets/{code}/photos", code).then().body("photos", hasSize(1))
                .body("photos[0].step", equalTo("NOTE")).body("photos[0].visibility", equalTo("PUBLIC"));
    }

    @Test
    void staffTakeThePhotosPositionOrIgnoreIt() {
        User staff = TestUsers.staff("photogps", "beixinyuan");
        String taken = intakeWithPhoto(staff);
        Page page = open(staff, "/console/tickets/" + taken, "id=\"photo-position\"");
        Response accepted = multipartless(staff, page, "accept").when().post("/console/tickets/{code}/photo-position", taken);
        accepted.then().statusCode(303);
        var location = given().when().get("/api/tickets/{code}", taken).then().extract().jsonPath();
        assertThat(location.getDouble("location.latitude")).isCloseTo(LATITUDE, within(1e-4));
        assertThat(location.getDouble("location.longitude")).isCloseTo(LONGITUDE, within(1e-4));
        given().when().get("/api/tickets/{code}/photos", taken).then().body("suggestedPosition", nullValue());
        String after = given().cookie(Flash.COOKIE, accepted.cookie(Flash.COOKIE)).auth().preemptive()
                .basic(staff.username(), staff.password()).when().get("/console/tickets/{code}", taken).then()
                .extract().asString();
        assertThat(after).contains("已按照片的拍摄位置设置工单位置").doesNotContain("id=\"photo-position\"");

        String ignored = intakeWithPhoto(staff);
        Page other = open(staff, "/console/tickets/" + ignored, "id=\"photo-position\"");
        multipartless(staff, other, "ignore").when().post("/console/tickets/{code}/photo-position", ignored).then()
                .statusCode(303);
        given().when().get("/api/tickets/{code}", ignored).then().body("location.latitude", nullValue());
        given().when().get("/api/tickets/{code}/photos", ignored).then().body("suggestedPosition", nullValue());

        // Contractors are not offered the position and may not decide on it.
        String third = intakeWithPhoto(staff);
        walk(third, "dispatch");
        User crew = TestUsers.contractor("photogps", "tongda-dredging");
        crew.request().when().get("/console/tickets/{code}", third).then().statusCode(200)
                .body(not(containsString("id=\"photo-position\"")));
    }

    @Test
    void theStatusPageShowsPublicPhotosOnlyAndTheirLinksOpenWithoutASignIn() {
        User staff = TestUsers.staff("photostatus", "beixinyuan");
        Page intake = open(staff, "/console/intake", INTAKE_FORM);
        Response saved = withFile(multipart(staff, intake, call("查询页照片")), "IMG_0004.jpg", MANHOLE)
                .when().post("/console/intake");
        String code = codeOf(saved);
        String shown = given().cookie(Flash.COOKIE, saved.cookie(Flash.COOKIE)).auth().preemptive()
                .basic(staff.username(), staff.password()).when().get("/console/tickets/{code}", code).then().extract().asString();
        Matcher access = ACCESS_CODE.matcher(shown);
        assertThat(access.find()).isTrue();
        String internal = given().when().get("/api/tickets/{code}/photos", code).path("photos[0].id");

        Page note = open(staff, "/console/tickets/" + code, "id=\"note-form\"");
        withFile(multipart(staff, note, Map.of("text", "现场照片", "visibility", "PUBLIC")), "public.jpg", CLEARED)
                .when().post("/console/tickets/{code}/notes", code).then().statusCode(303);
        List<String> ids = given().when().get("/api/tickets/{code}/photos", code).path("photos.id");
        String published = ids.get(1);

        for (String lang : List.of("zh", "en")) {
            String status = given().auth().none().formParam("code", code).formParam("accessCode", access.group(1))
                    .when().post("/status?lang=" + lang).then().statusCode(200).extract().asString();
            assertThat(status).contains("id=\"resident-photos\"")
                    .contains("href=\"/api/photos/" + published + "\"")
                    .contains("src=\"/api/photos/" + published + "/thumbnail\"")
                    .doesNotContain(internal)
                    .contains(lang.equals("zh") ? "照片 1，点击查看原图" : "Photo 1: open full size");
        }
        given().auth().none().when().get("/api/photos/{id}", published).then().statusCode(200).contentType("image/jpeg");
        given().auth().none().when().get("/api/photos/{id}/thumbnail", published).then().statusCode(200);
        given().auth().none().when().get("/api/photos/{id}", internal).then().statusCode(404);
        // Through the console: staff in scope open the INTERNAL one; staff of another community get 404.
        staff.request().when().get("/console/photos/{id}", internal).then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        TestUsers.staff("photostatus", "zhenxingjie").request().when().get("/console/photos/{id}/thumbnail", internal)
                .then().statusCode(404);
    }

    private static String intakeWithPhoto(User staff) {
        Page intake = open(staff, "/console/intake", INTAKE_FORM);
        Response saved = withFile(multipart(staff, intake, call("带定位的照片")), "IMG_gps.jpg", MANHOLE)
                .when().post("/console/intake");
        saved.then().statusCode(303);
        return codeOf(saved);
    }

    private static RequestSpecification multipartless(User user, Page page, String choice) {
        return user.request().redirects().follow(false).cookie(ConsoleSession.COOKIE, page.sessionCookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", page.hidden().get("_csrf")).formParam("choice", choice);
    }
}
