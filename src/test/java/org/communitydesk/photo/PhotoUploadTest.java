package org.communitydesk.photo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.communitydesk.support.RawHttp;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** POST /api/tickets/{code}/photos and the reads of photos: processing, limits, hostile files, scope, public views. */
@QuarkusTest
class PhotoUploadTest {

    private static final String PROBLEM = "application/problem+json";
    private static final double LATITUDE = 40.0912;
    private static final double LONGITUDE = 113.3288;

    @TestHTTPResource("/")
    URL base;

    record Part(String name, byte[] bytes, String contentType) {
    }

    private static RequestSpecification upload(RequestSpecification request, String step, String visibility, Part... parts) {
        request = request.header("X-Requested-With", "test");
        for (Part part : parts) {
            request = request.multiPart("file", part.name(), part.bytes(), part.contentType());
        }
        if (step != null) {
            request = request.multiPart("step", step);
        }
        if (visibility != null) {
            request = request.multiPart("visibility", visibility);
        }
        return request;
    }

    private static Response post(String code, String step, String visibility, Part... parts) {
        return upload(given(), step, visibility, parts).when().post("/api/tickets/{code}/photos", code);
    }

    private static String newTicketWithoutPosition() {
        return createTicket();
    }

    private static byte[] download(Response answer) {
        return answer.then().extract().asByteArray();
    }

    @Test
    void aPhonePhotoIsTurnedUprightScaledAndStoredWithoutAnyMetadata() throws Exception {
        String code = newTicketWithoutPosition();
        byte[] sent = TestImages.jpegWithExif(TestImages.halves(400, 200), 6, LATITUDE, LONGITUDE);
        // The test's own EXIF is what a reader sees: orientation 6 and the position are really in the upload.
        Metadata original = ImageMetadataReader.readMetadata(new ByteArrayInputStream(sent));
        assertThat(original.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
        assertThat(original.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude()).isCloseTo(LATITUDE, within(1e-4));

        Response added = post(code, "INTAKE", null, new Part("IMG_0001.jpg", sent, "image/jpeg"));

        added.then().statusCode(201).contentType(ContentType.JSON)
                .body("", hasSize(1))
                .body("[0].width", equalTo(200)).body("[0].height", equalTo(400))
                .body("[0].step", equalTo("INTAKE")).body("[0].visibility", equalTo("INTERNAL"))
                .body("[0].contentType", equalTo("image/jpeg")).body("[0].number", equalTo(1));
        String id = added.path("[0].id");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);

        Response image = given().when().get("/api/photos/{id}", id);
        image.then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"" + code + "-1.jpg\"");
        byte[] stored = download(image);
        assertNoMetadata(stored);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("SERIAL-XY123456", "Exif");
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        // A quarter turn clockwise puts the left (red) half on top.
        assertThat(new java.awt.Color(upright.getRGB(100, 50)).getRed()).isGreaterThan(200);
        assertThat(new java.awt.Color(upright.getRGB(100, 350)).getBlue()).isGreaterThan(200);

        byte[] thumbnail = download(given().when().get("/api/photos/{id}/thumbnail", id).then().statusCode(200)
                .header("Content-Disposition", "inline; filename=\"" + code + "-1-thumbnail.jpg\"").extract().response());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(small.getWidth()).isEqualTo(160);
        assertThat(small.getHeight()).isEqualTo(320);
        assertNoMetadata(thumbnail);

        // The position is offered to staff, since the call gave none; the timeline says a photo was added.
        Response list = given().when().get("/api/tickets/{code}/photos", code);
        list.then().statusCode(200).body("photos", hasSize(1)).body("suggestedPosition.fromPhoto", equalTo(id));
        assertThat(list.jsonPath().getDouble("suggestedPosition.latitude")).isCloseTo(LATITUDE, within(1e-4));
        assertThat(list.jsonPath().getDouble("suggestedPosition.longitude")).isCloseTo(LONGITUDE, within(1e-4));
        given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .body("type", hasItem("PHOTO_ADDED")).body("note", hasItem("添加了照片"));
    }

    @Test
    void aLargePngIsScaledToTheLongSideAndAPhotoSentTwiceIsStoredOnce() throws Exception {
        String code = newTicketWithoutPosition();
        byte[] png = TestImages.encode(TestImages.halves(3000, 1000), "png");

        Response added = post(code, "NOTE", "PUBLIC", new Part("a.png", png, "image/png"), new Part("b.png", png, "image/png"));

        added.then().statusCode(201).body("width", equalTo(List.of(2048, 2048))).body("height", equalTo(List.of(683, 683)))
                .body("visibility", equalTo(List.of("PUBLIC", "PUBLIC")));
        List<String> hashes = added.path("sha256");
        assertThat(hashes.get(0)).isEqualTo(hashes.get(1));
        List<String> ids = added.path("id");
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(download(
                given().when().get("/api/photos/{id}/thumbnail", ids.get(1)))));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(107);
        java.nio.file.Path stored = java.nio.file.Path.of("target/test-photos", hashes.get(0).substring(0, 2),
                hashes.get(0).substring(2, 4), hashes.get(0) + ".jpg");
        assertThat(stored).exists();
        try (var siblings = java.nio.file.Files.list(stored.getParent())) {
            assertThat(siblings.filter(p -> p.getFileName().toString().startsWith(hashes.get(0)))).hasSize(1);
        }
    }

    @Test
    void aWebpIsTakenAndStoredAsJpeg() throws Exception {
        String code = newTicketWithoutPosition();
        // A 1×1 lossless WebP: the JDK reads none, the TwelveMonkeys plugin must be registered in Quarkus' class loader.
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

        String id = post(code, "NOTE", null, new Part("tiny.webp", webp, "image/webp")).then().statusCode(201)
                .body("[0].width", equalTo(1)).body("[0].contentType", equalTo("image/jpeg")).extract().path("[0].id");

        byte[] stored = download(given().when().get("/api/photos/{id}", id));
        assertThat(stored[0] & 0xff).isEqualTo(0xFF);
        assertThat(stored[1] & 0xff).isEqualTo(0xD8);
    }

    @Test
    void hostileFilesAreRefusedWithoutA500AndNothingIsStored() {
        String code = newTicketWithoutPosition();
        byte[] jpeg = TestImages.encode(TestImages.halves(400, 300), "jpeg");
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = concat(Arrays.copyOf(jpeg, 20), html);
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] heic = concat(new byte[] { 0, 0, 0, 24 }, "ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII));
        Map<String, Part> unsupported = Map.of(
                "truncated JPEG", new Part("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 3), "image/jpeg"),
                "HTML named .jpg", new Part("photo.jpg", html, "image/jpeg"),
                "SVG", new Part("drawing.svg", svg, "image/svg+xml"),
                "JPEG header then HTML", new Part("poly.jpg", polyglot, "image/jpeg"),
                "HEIC", new Part("IMG_0002.HEIC", heic, "image/heic"));
        unsupported.forEach((what, part) -> {
            Response answer = post(code, "INTAKE", null, part);
            assertThat(answer.statusCode()).as(what).isEqualTo(415);
            answer.then().contentType(PROBLEM)
                .body("type", equalTo("urn:communitydesk:problem:unsupported-media-type"))
                .body("detail", containsString("Send a JPEG"));
        });
        post(code, "INTAKE", null, new Part("IMG_0002.HEIC", heic, "image/heic")).then().body("detail", containsString("HEIC"));

        // 100000×100000 declared in a 60-byte file: refused from the header, before any pixel is decoded.
        post(code, "INTAKE", null, new Part("bomb.png", TestImages.pngDeclaring(100_000, 100_000), "image/png")).then()
                .statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("100000×100000"));
        // One bad file among good ones: nothing of the request is kept.
        post(code, "INTAKE", null, new Part("ok.jpg", jpeg, "image/jpeg"), new Part("cut.jpg", Arrays.copyOf(jpeg, 100), "image/jpeg"))
                .then().statusCode(415);

        given().when().get("/api/tickets/{code}/photos", code).then().statusCode(200).body("photos", hasSize(0));
        given().when().get("/api/tickets/{code}/events", code).then().body("type", org.hamcrest.Matchers.not(hasItem("PHOTO_ADDED")));
    }

    /**
     * Photos processed at once share half the heap: while others hold it, an upload waits (a second in the test
     * profile, a minute by default), then answers 503 with Retry-After and stores nothing; it goes through once
     * they are done.
     */
    @Test
    void anUploadThatWaitsTooLongForTheMemoryOfOtherPhotosIsA503AndStoresNothing() {
        String code = newTicketWithoutPosition();
        Part photo = new Part("IMG_0005.jpg", TestImages.encode(TestImages.halves(400, 300), "jpeg"), "image/jpeg");
        try (PhotoBudgetHold others = PhotoBudgetHold.all()) {
            post(code, "INTAKE", null, photo).then().statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", "10")
                    .body("type", equalTo("urn:communitydesk:problem:photos-busy"))
                    .body("detail", containsString("nothing was stored"));
        }
        given().when().get("/api/tickets/{code}/photos", code).then().statusCode(200).body("photos", hasSize(0));
        given().when().get("/api/tickets/{code}/events", code).then().body("type", org.hamcrest.Matchers.not(hasItem("PHOTO_ADDED")));

        post(code, "INTAKE", null, photo).then().statusCode(201);
        given().when().get("/api/tickets/{code}/photos", code).then().statusCode(200).body("photos", hasSize(1));
    }

    @Test
    void aValidJpegCarryingAnHtmlTailIsReEncodedWithoutIt() {
        String code = newTicketWithoutPosition();
        byte[] jpeg = TestImages.encode(TestImages.halves(400, 300), "jpeg");
        byte[] tail = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        String id = post(code, "NOTE", null, new Part("x.jpg", concat(jpeg, tail), "image/jpeg")).then().statusCode(201)
                .extract().path("[0].id");

        byte[] stored = download(given().when().get("/api/photos/{id}", id));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("<script", "<html");
    }

    @Test
    void limitsOnFilesAndRequestsAnswer413() throws Exception {
        String code = newTicketWithoutPosition();
        byte[] jpeg = TestImages.encode(TestImages.halves(200, 100), "jpeg");
        byte[] noise = new byte[2 * 1024 * 1024 + 1];
        new Random(15).nextBytes(noise);
        noise[0] = (byte) 0xFF;
        noise[1] = (byte) 0xD8;
        noise[2] = (byte) 0xFF;

        post(code, "NOTE", null, new Part("big.jpg", noise, "image/jpeg")).then().statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("per file"));
        Part small = new Part("s.jpg", jpeg, "image/jpeg");
        post(code, "NOTE", null, small, small, small, small).then().statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("at most 3"));

        // Chunked, so that nobody knows its size in advance: refused as it passes the request limit (3 × 2 MB + 64 KB).
        String credentials = Base64.getEncoder().encodeToString(
                (SignInAsAdmin.ADMIN + ":" + SignInAsAdmin.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        byte[] hugeNoise = new byte[7 * 1024 * 1024];
        RawHttp.Answer tooMuch = RawHttp.postChunked(base, "/api/tickets/" + code + "/photos", "multipart/form-data; boundary=XyZ",
                multipart("XyZ", hugeNoise), "Authorization: Basic " + credentials, "X-Requested-With: test");
        assertThat(tooMuch.status()).isEqualTo(413);
        assertThat(tooMuch.header("Content-Type")).startsWith(PROBLEM);
        assertThat(tooMuch.body()).contains("payload-too-large");

        // A chunked upload under the limit works like any other.
        RawHttp.Answer fine = RawHttp.postChunked(base, "/api/tickets/" + code + "/photos", "multipart/form-data; boundary=XyZ",
                multipart("XyZ", jpeg), "Authorization: Basic " + credentials, "X-Requested-With: test");
        assertThat(fine.status()).isEqualTo(201);

        // JSON bodies keep their own, smaller limit.
        given().contentType(ContentType.JSON).body(Map.of("text", "长".repeat(100_000)))
                .when().post("/api/tickets/{code}/notes", code).then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void anUploadWithoutTheCustomHeaderIsRefusedAsACrossSiteFormWouldBe() {
        String code = newTicketWithoutPosition();
        given().multiPart("file", "a.jpg", TestImages.encode(TestImages.halves(20, 10), "jpeg"), "image/jpeg")
                .when().post("/api/tickets/{code}/photos", code).then().statusCode(415).contentType(PROBLEM);
        given().header("X-Requested-With", "test").multiPart("text", "不是 JSON")
                .when().post("/api/tickets/{code}/notes", code).then().statusCode(415);
    }

    @Test
    void internalPhotosStayInScopeAndPublicOnesOpenByTheirIdAlone() {
        String code = newTicketWithoutPosition();
        walk(code, "dispatch");
        byte[] jpeg = TestImages.encode(TestImages.halves(300, 200), "jpeg");
        String internal = post(code, "INTAKE", null, new Part("i.jpg", jpeg, "image/jpeg")).then().statusCode(201)
                .extract().path("[0].id");
        var lead = TestUsers.contractor("photo-lead", "tongda-dredging");
        var elsewhereCrew = TestUsers.contractor("photo-crew-elsewhere", "datong-sewage");
        var elsewhereStaff = TestUsers.staff("photo-staff-elsewhere", "zhenxingjie");
        var staff = TestUsers.staff("photo-staff", "beixinyuan");

        // The lead organization's after-photo is PUBLIC unless it says otherwise; it may not add intake photos.
        String after = upload(lead.request(), "RESOLVE", null, new Part("after.jpg", jpeg, "image/jpeg"))
                .when().post("/api/tickets/{code}/photos", code).then().statusCode(201)
                .body("[0].visibility", equalTo("PUBLIC")).extract().path("[0].id");
        upload(lead.request(), "INTAKE", null, new Part("x.jpg", jpeg, "image/jpeg"))
                .when().post("/api/tickets/{code}/photos", code).then().statusCode(403).contentType(PROBLEM);
        upload(elsewhereCrew.request(), "NOTE", null, new Part("x.jpg", jpeg, "image/jpeg"))
                .when().post("/api/tickets/{code}/photos", code).then().statusCode(404).contentType(PROBLEM);
        upload(staff.request(), "RESOLVE", null, new Part("x.jpg", jpeg, "image/jpeg"))
                .when().post("/api/tickets/{code}/photos", code).then().statusCode(403);

        // INTERNAL: staff in scope and the assigned crew; nobody else, and the same 404 as a wrong id.
        staff.request().when().get("/api/photos/{id}", internal).then().statusCode(200);
        lead.request().when().get("/api/photos/{id}", internal).then().statusCode(200);
        String unknown = Photo.newPublicId();
        String wrongId = given().auth().none().when().get("/api/photos/{id}", unknown).then().statusCode(404)
                .contentType(PROBLEM).extract().asString();
        List<java.util.function.Supplier<RequestSpecification>> outsiders = List.of(() -> given().auth().none(),
                elsewhereStaff::request, elsewhereCrew::request);
        for (var outsider : outsiders) {
            String answer = outsider.get().when().get("/api/photos/{id}", internal).then().statusCode(404)
                    .contentType(PROBLEM).extract().asString();
            assertThat(answer.replace(internal, unknown)).isEqualTo(wrongId);
            outsider.get().when().get("/api/photos/{id}/thumbnail", internal).then().statusCode(404);
        }
        elsewhereStaff.request().when().get("/api/tickets/{code}/photos", code).then().statusCode(404);
        given().auth().none().when().get("/api/tickets/{code}/photos", code).then().statusCode(401);

        // PUBLIC: anyone with the id, cacheable.
        given().auth().none().when().get("/api/photos/{id}", after).then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=86400, immutable")
                .header("X-Content-Type-Options", "nosniff");
        given().auth().none().when().get("/api/photos/{id}/thumbnail", after).then().statusCode(200);
    }

    @Test
    void residentsAndOpen311SeeThePublicPhotosOnly() {
        Response created = TicketApi.create(TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.then().statusCode(201).extract().path("code");
        String accessCode = created.path("accessCode");
        byte[] jpeg = TestImages.encode(TestImages.halves(300, 200), "jpeg");
        post(code, "INTAKE", null, new Part("i.jpg", jpeg, "image/jpeg")).then().statusCode(201);
        given().when().get("/open311/v2/requests/{id}.json", code).then().statusCode(200)
                .body("[0].media_url", nullValue());
        String first = post(code, "INTAKE", "PUBLIC", new Part("p.jpg", jpeg, "image/jpeg")).then().statusCode(201)
                .extract().path("[0].id");
        post(code, "NOTE", "PUBLIC", new Part("q.jpg", jpeg, "image/jpeg")).then().statusCode(201);

        given().auth().none().header("X-Forwarded-For", "10.15.1.1").header("X-Access-Code", accessCode)
                .when().get("/api/public/tickets/{code}", code).then().statusCode(200)
                .body("photos", hasSize(2))
                .body("photos[0].url", equalTo("/api/photos/" + first))
                .body("photos[0].thumbnailUrl", equalTo("/api/photos/" + first + "/thumbnail"))
                .body("events.type", hasItem("PHOTO_ADDED"));

        String mediaUrl = given().auth().none().when().get("/open311/v2/requests/{id}.json", code).then().statusCode(200)
                .body("[0].media_url", startsWith("http")).extract().path("[0].media_url");
        assertThat(mediaUrl).endsWith("/api/photos/" + first);
        given().auth().none().when().get(mediaUrl).then().statusCode(200).contentType("image/jpeg");
    }

    private static void assertNoMetadata(byte[] jpeg) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        List<String> kinds = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            kinds.add(directory.getName());
        }
        // What a re-encoded JPEG has: its frame, its Huffman tables, JFIF and the file itself; no EXIF, XMP or ICC.
        assertThat(kinds).allMatch(k -> k.startsWith("JPEG") || k.equals("JFIF") || k.equals("Huffman")
                || k.equals("File Type"), "only " + kinds);
    }

    private static byte[] multipart(String boundary, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"step\"\r\n\r\nNOTE\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
