package org.communitydesk.photo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.communitydesk.jobs.BackgroundJobs;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestPhotos;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /api/photos/{id}/removal on the filesystem store, and the orphan files housekeeping sweeps. */
@QuarkusTest
class PhotoRemovalTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    PhotoStore store;

    @Inject
    TestClock clock;

    @Inject
    BackgroundJobs jobs;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static JsonPath added(String ticket, byte[] jpeg) {
        return TestPhotos.upload(ticket, jpeg, "NOTE", "PUBLIC").then().statusCode(201).extract().jsonPath();
    }

    private static io.restassured.response.Response remove(String id, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/photos/{id}/removal", id);
    }

    @Test
    void anAdministratorRemovesAPhotoWithAReasonOnTheTimelineAndItsFilesGo() throws Exception {
        String ticket = createTicket();
        JsonPath photo = added(ticket, TestPhotos.jpeg(System.nanoTime()));
        String id = photo.getString("[0].id");
        String hash = photo.getString("[0].sha256");
        String thumbnail = thumbnailHash(ticket);
        assertThat(store.contains(hash)).isTrue();
        assertThat(store.contains(thumbnail)).isTrue();

        remove(id, Map.of("reason", "照片拍到了居民的面孔")).then().statusCode(204);

        given().auth().none().when().get("/api/photos/{id}", id).then().statusCode(404).contentType(startsWith(PROBLEM));
        given().when().get("/api/photos/{id}", id).then().statusCode(404);
        given().when().get("/api/tickets/{code}/photos", ticket).then().statusCode(200).body("photos.size()", equalTo(0));
        List<Map<String, Object>> removals = given().when().get("/api/tickets/{code}/events", ticket).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.type == 'PHOTO_REMOVED' }");
        assertThat(removals).hasSize(1);
        assertThat(removals.get(0)).containsEntry("visibility", "INTERNAL").containsEntry("actor", "admin");
        assertThat((String) removals.get(0).get("note")).contains("照片拍到了居民的面孔").contains("第 1 张");
        assertThat(store.contains(hash)).as("the image's file").isFalse();
        assertThat(store.contains(thumbnail)).as("the thumbnail's file").isFalse();
    }

    @Test
    void theFilesStayWhileAnotherPhotoNamesTheSameImage() throws Exception {
        byte[] jpeg = TestPhotos.jpeg(System.nanoTime());
        String first = added(createTicket(), jpeg).getString("[0].id");
        JsonPath second = added(createTicket(), jpeg);
        String hash = second.getString("[0].sha256");

        remove(first, Map.of("reason", "重复上传")).then().statusCode(204);
        assertThat(store.contains(hash)).isTrue();
        given().when().get("/api/photos/{id}", second.getString("[0].id")).then().statusCode(200);

        remove(second.getString("[0].id"), Map.of("reason", "重复上传")).then().statusCode(204);
        assertThat(store.contains(hash)).isFalse();
    }

    @Test
    void aRemovalNeedsAReasonAnAdministratorAndAPhotoThatExists() {
        String ticket = createTicket();
        String id = added(ticket, TestPhotos.jpeg(System.nanoTime())).getString("[0].id");

        remove(id, Map.of("reason", "  ")).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("violations.field", hasItem("reason"));
        remove(id, Map.of()).then().statusCode(400).contentType(startsWith(PROBLEM));
        remove("no-such-photo-id-at-all", Map.of("reason", "测试")).then().statusCode(404)
                .contentType(startsWith(PROBLEM));
        var staff = TestUsers.staff("photo-remover", "beixinyuan");
        given().auth().preemptive().basic(staff.username(), TestUsers.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("reason", "测试")).when().post("/api/photos/{id}/removal", id).then().statusCode(403)
                .contentType(startsWith(PROBLEM));
        given().auth().none().contentType(ContentType.JSON).body(Map.of("reason", "测试")).when()
                .post("/api/photos/{id}/removal", id).then().statusCode(401);
        // Still there after every refusal.
        given().when().get("/api/photos/{id}", id).then().statusCode(200);
    }

    @Test
    void housekeepingRemovesFilesNoRowNamesOnceTheirGraceIsOver() throws Exception {
        Path directory = store.localDirectory().orElseThrow();
        String ticket = createTicket();
        JsonPath photo = added(ticket, TestPhotos.jpeg(System.nanoTime()));
        String named = photo.getString("[0].sha256");
        // As if an upload had crashed between writing its files and committing its rows: one long ago, one just now.
        byte[] oldOrphan = TestPhotos.jpeg(System.nanoTime());
        byte[] freshOrphan = TestPhotos.jpeg(System.nanoTime() + 1);
        String oldHash = PhotoImages.sha256(oldOrphan);
        String freshHash = PhotoImages.sha256(freshOrphan);
        store.put(oldHash, oldOrphan);
        store.put(freshHash, freshOrphan);
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(directory.resolve(PhotoStore.relativeName(oldHash)), twoDaysAgo);
        Files.setLastModifiedTime(directory.resolve(PhotoStore.relativeName(named)), twoDaysAgo);

        assertThat(jobs.housekeeping()).isPresent();

        assertThat(store.contains(oldHash)).as("an orphan past its grace").isFalse();
        assertThat(store.contains(freshHash)).as("an orphan within its grace (an upload in flight)").isTrue();
        assertThat(store.contains(named)).as("a file a photo names").isTrue();
        given().when().get("/api/photos/{id}", photo.getString("[0].id")).then().statusCode(200);
    }

    private String thumbnailHash(String ticket) {
        return QuarkusTransaction.requiringNew().call(() -> Photo.<Photo>find("ticket.code", ticket).firstResult().thumbnailSha256);
    }
}
