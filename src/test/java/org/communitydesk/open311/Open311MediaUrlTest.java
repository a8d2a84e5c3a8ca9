package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.created;
import static org.communitydesk.open311.Open311Api.form;
import static org.communitydesk.open311.Open311Api.issueKey;
import static org.communitydesk.open311.Open311Api.post;
import static org.communitydesk.open311.Open311MediaTest.assertNoTicketWith;
import static org.communitydesk.open311.Open311MediaTest.photosOf;
import static org.communitydesk.open311.Open311MediaTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.communitydesk.open311.Open311Api.Key;
import org.communitydesk.photo.PhotoStore;
import org.communitydesk.support.S3StoreProfile;
import org.communitydesk.support.TestPhotos;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST requests with a media_url the service fetches from a real HTTP server on 127.0.0.1. An ADMIN allows 127.0.0.1
 * through /api/open311/media-hosts (the setting lists only localhost); the profile allows loopback addresses (tests
 * only), with a 15 s time limit (generous: the shared test machine is slow); it keeps photos in the S3-compatible
 * store, so this is also the whole way from a URL to an object in the bucket.
 */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class Open311MediaUrlTest {

    static HttpServer server;
    static final byte[] PHOTO = TestPhotos.jpeg(20261202L);
    static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);

    @Inject
    PhotoStore store;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/photo.jpg", exchange -> send(exchange, 200, PHOTO));
        server.createContext("/page.html", exchange -> send(exchange, 200,
                "<html><body>not a photo</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/missing.jpg", exchange -> send(exchange, 404, new byte[0]));
        server.createContext("/moved.jpg", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/photo.jpg");
            send(exchange, 302, new byte[0]);
        });
        // 3 MB, over the test limit of 2 MB per file, without a Content-Length (chunked).
        server.createContext("/huge.jpg", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PHOTO);
                for (int i = 0; i < 3 * 1024; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException clientGaveUp) {
                // expected: the service stops reading at the limit
            }
        });
        // Headers at once, then the body never ends: only the service's time limit ends the fetch.
        server.createContext("/slow.jpg", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PHOTO, 0, 100);
                out.flush();
                RELEASE_SLOW.await(60, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException clientGaveUp) {
                // expected
            }
        });
        server.start();
    }

    /** 127.0.0.1 allowed by an ADMIN, as each test needs it (a 409 says it is allowed already). */
    @BeforeEach
    void allowTheLoopbackServer() {
        given().contentType(ContentType.JSON).body(Map.of("host", "127.0.0.1")).when().post("/api/open311/media-hosts")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    @AfterAll
    static void stopServer() {
        RELEASE_SLOW.countDown();
        server.stop(0);
    }

    static int port() {
        return server.getAddress().getPort();
    }

    static void send(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> formWithMedia(Key key, String description, String path) {
        Map<String, String> form = form(key, description);
        form.put("media_url", "http://127.0.0.1:" + port() + path);
        return form;
    }

    @Test
    void anAllowedHostsImageIsFetchedStoredAndNoLongerAppendedToTheDescription() throws Exception {
        Key key = issueKey("随手拍 " + token(), false);
        String token = token();

        String code = created(post("json", formWithMedia(key, "污水外溢 " + token, "/photo.jpg")));

        var photos = photosOf(code);
        assertThat(photos.getList("photos")).hasSize(1);
        assertThat(photos.getString("photos[0].step")).isEqualTo("INTAKE");
        assertThat(store.contains(photos.getString("photos[0].sha256"))).isTrue();
        assertThat(TicketApi.get(code).then().extract().jsonPath().getString("description")).isEqualTo("污水外溢 " + token);
    }

    @Test
    void theAdminsListDecidesAtOnceWhetherAMediaUrlIsFetched() {
        Key key = issueKey("随手拍 " + token(), false);
        String url = "http://127.0.0.1:" + port() + "/photo.jpg";

        given().contentType(ContentType.JSON).when().delete("/api/open311/media-hosts/{host}", "127.0.0.1").then().statusCode(204);
        String kept = created(post("json", formWithMedia(key, "未获取 " + token(), "/photo.jpg")));
        assertThat(photosOf(kept).getList("photos")).as("a host nobody allows: not fetched").isEmpty();
        assertThat(TicketApi.get(kept).then().extract().jsonPath().getString("description")).endsWith(url);

        given().contentType(ContentType.JSON).body(Map.of("host", "127.0.0.1")).when().post("/api/open311/media-hosts")
                .then().statusCode(201).body("source", equalTo("ADMIN"));
        String fetched = created(post("json", formWithMedia(key, "已获取 " + token(), "/photo.jpg")));
        assertThat(photosOf(fetched).getList("photos")).as("allowed by the ADMIN a moment ago: fetched").hasSize(1);
    }

    @Test
    void whatCannotBeTakenAnswers400AndMakesNoTicket() {
        Key key = issueKey("随手拍 " + token(), false);
        Map<String, String> mentioned = Map.of(
                "/missing.jpg", "HTTP 404",
                "/page.html", "JPEG",
                "/moved.jpg", "HTTP 302",
                "/huge.jpg", "larger than 2 MB",
                "/slow.jpg", "longer than 15 s");
        for (var entry : mentioned.entrySet()) {
            String token = token();
            Open311ErrorsTest.assertError(post("json", formWithMedia(key, "坏图 " + token, entry.getKey())), "json", 400,
                    entry.getValue());
            assertNoTicketWith(token);
        }
    }
}
