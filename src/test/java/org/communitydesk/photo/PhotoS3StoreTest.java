package org.communitydesk.photo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.S3ProxyServer;
import org.communitydesk.support.S3StoreProfile;
import org.communitydesk.support.TestPhotos;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 store against a real S3-compatible server (S3Proxy, started by {@link S3ProxyServer}). */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class PhotoS3StoreTest {

    @Inject
    PhotoConfig config;

    @Inject
    PhotoStore store;

    @Inject
    PhotoOrphans orphans;

    private S3Client bucket() {
        return S3ProxyServer.client(config.s3().endpoint().orElseThrow().toString());
    }

    private List<String> keys() {
        try (S3Client client = bucket()) {
            return client.listObjectsV2Paginator(b -> b.bucket(S3ProxyServer.BUCKET)).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    @Test
    void uploadsLandInTheBucketContentAddressedAndComeBackAsStored() throws Exception {
        byte[] jpeg = TestPhotos.jpeg(System.nanoTime());
        String ticket = createTicket();
        JsonPath photo = TestPhotos.upload(ticket, jpeg, "NOTE", "PUBLIC").then().statusCode(201).extract().jsonPath();
        String hash = photo.getString("[0].sha256");
        String key = "photos/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + ".jpg";
        assertThat(keys()).contains(key);

        byte[] served = given().auth().none().when().get("/api/photos/{id}", photo.getString("[0].id")).then()
                .statusCode(200).contentType("image/jpeg").extract().asByteArray();
        byte[] stored;
        try (S3Client client = bucket()) {
            stored = client.getObjectAsBytes(b -> b.bucket(S3ProxyServer.BUCKET).key(key)).asByteArray();
        }
        assertThat(served).isEqualTo(stored);
        assertThat(PhotoImages.sha256(stored)).isEqualTo(hash);
        given().auth().none().when().get("/api/photos/{id}/thumbnail", photo.getString("[0].id")).then().statusCode(200);

        // The same image again: one object, two rows.
        String again = TestPhotos.upload(createTicket(), jpeg, "NOTE", "PUBLIC").then().statusCode(201).extract()
                .path("[0].sha256");
        assertThat(again).isEqualTo(hash);
        assertThat(keys().stream().filter(key::equals)).hasSize(1);
    }

    @Test
    void aRemovedPhotosObjectsLeaveTheBucket() throws Exception {
        JsonPath photo = TestPhotos.upload(createTicket(), TestPhotos.jpeg(System.nanoTime()), "NOTE", "INTERNAL")
                .then().statusCode(201).extract().jsonPath();
        String hash = photo.getString("[0].sha256");
        String thumbnail = QuarkusTransaction.requiringNew().call(
                () -> Photo.<Photo>find("publicId", photo.getString("[0].id")).firstResult().thumbnailSha256);
        assertThat(store.contains(hash)).isTrue();
        assertThat(store.contains(thumbnail)).isTrue();

        given().contentType(ContentType.JSON).body(Map.of("reason", "拍错了工单")).when()
                .post("/api/photos/{id}/removal", photo.getString("[0].id")).then().statusCode(204);

        assertThat(store.contains(hash)).isFalse();
        assertThat(store.contains(thumbnail)).isFalse();
        assertThat(keys()).noneMatch(k -> k.contains(hash) || k.contains(thumbnail));
        given().when().get("/api/photos/{id}", photo.getString("[0].id")).then().statusCode(404);
    }

    @Test
    void theOrphanSweepTakesObjectsNoRowNamesAndKeepsTheOthers() throws Exception {
        String named = TestPhotos.upload(createTicket(), TestPhotos.jpeg(System.nanoTime()), "NOTE", "INTERNAL")
                .then().statusCode(201).extract().path("[0].sha256");
        byte[] orphan = TestPhotos.jpeg(System.nanoTime());
        String orphanHash = PhotoImages.sha256(orphan);
        store.put(orphanHash, orphan);
        // Not ours (another application's object under the same prefix): never touched.
        try (S3Client client = bucket()) {
            client.putObject(b -> b.bucket(S3ProxyServer.BUCKET).key("photos/readme.txt"), RequestBody.fromString("x"));
        }

        // Within the grace, nothing goes; an object's time is the server's, so the sweep is run as if later.
        QuarkusTransaction.requiringNew().run(() -> orphans.sweep(java.time.Instant.now()));
        assertThat(store.contains(orphanHash)).isTrue();
        long removed = QuarkusTransaction.requiringNew().call(
                () -> orphans.sweep(java.time.Instant.now().plus(config.orphanGrace()).plus(Duration.ofHours(1))));

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(store.contains(orphanHash)).isFalse();
        assertThat(store.contains(named)).isTrue();
        assertThat(keys()).contains("photos/readme.txt");
    }
}
