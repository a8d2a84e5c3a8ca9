package org.communitydesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.communitydesk.support.PackagedService;
import org.communitydesk.support.TestPhotos;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore the way an operator does it, on the packaged jar (failsafe, after package):
 * the service runs on an H2 file with demo data; an administrator takes a backup through the API
 * while it runs; tickets, notes and users change afterwards; the service stops. The backup is
 * unzipped into a new directory and the service started on it, without demo data: it must hold
 * exactly what the API showed at the moment of the backup, and nothing of the later changes.
 */
class BackupRestoreIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String ADMIN = "admin:communitydesk-demo";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    /** Tickets (without what depends on the clock), their timelines and the users, as the API shows them. */
    record Snapshot(Map<String, JsonNode> tickets, Map<String, JsonNode> events, JsonNode users) {
    }

    @Test
    void aBackupTakenWhileRunningRestoresEveryTicketEventAndUserOfItsMoment() throws Exception {
        // The jar of a PostgreSQL build cannot open an H2 file; PostgreSQL installations use pg_dump.
        Assumptions.assumeFalse(PackagedService.builtForPostgres(),
                "H2's online backup applies to H2 builds only");

        Path original = Files.createDirectories(workDir.resolve("original"));
        Snapshot atBackup;
        Path zip;
        String laterTicket;
        String laterUser = TestUsers.uniqueName("after-backup");
        String notedTicket;
        String photoBefore;
        byte[] photoBeforeBytes;
        String photoAfter;
        try (Service service = Service.start(original, original.resolve("communitydesk"), true)) {
            // A photo before the backup (the filesystem store, ./data/photos, goes into the ZIP) and one after it.
            String photographed = service.json("/api/tickets?size=1").path("items").get(0).path("code").asText();
            photoBefore = service.uploadPhoto(photographed, TestPhotos.jpeg(1));
            photoBeforeBytes = service.bytes("/api/photos/" + photoBefore);
            atBackup = snapshot(service);
            assertThat(atBackup.tickets()).as("demo tickets").hasSize(12);
            assertThat(atBackup.users().findValuesAsText("username")).contains("admin", "beixinyuan.staff");

            HttpResponse<String> answer = service.send("POST", "/api/admin/backup", java.util.Map.of());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode backup = JSON.readTree(answer.body());
            // A 64×48 photo is smaller than a thumbnail: the thumbnail is the same bytes, stored once.
            assertThat(backup.path("photoFiles").asLong()).as("the image, which is its own thumbnail").isEqualTo(1);
            // The default directory is ./backups under the working directory.
            Path directory = Path.of(backup.path("directory").asText());
            assertThat(directory.toRealPath()).isEqualTo(original.resolve("backups").toRealPath());
            assertThat(backup.path("file").asText()).matches("communitydesk-\\d{8}-\\d{6}-\\d{3}\\.zip");
            zip = original.resolve("backups").resolve(backup.path("file").asText());
            assertThat(zip).exists();
            assertThat(Files.size(zip)).isEqualTo(backup.path("sizeBytes").asLong()).isPositive();
            assertThat(service.log()).contains("Backup written to " + directory.resolve(backup.path("file").asText()));
            // Only the finished file is left, never a partial one.
            try (var files = Files.list(original.resolve("backups"))) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly(backup.path("file").asText());
            }
            // Nothing else changed while it was taken; the service kept serving.
            assertThat(snapshot(service)).isEqualTo(atBackup);

            // Changes after the backup: a new ticket, a note on a backed-up ticket, a new user.
            answer = service.send("POST", "/api/tickets", TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            laterTicket = JSON.readTree(answer.body()).path("code").asText();
            notedTicket = atBackup.tickets().keySet().iterator().next();
            photoAfter = service.uploadPhoto(notedTicket, TestPhotos.jpeg(2));
            answer = service.send("POST", "/api/tickets/" + notedTicket + "/notes", Map.of("text", "备份之后的备注"));
            assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
            answer = service.send("POST", "/api/users", TestUsers.userBody(laterUser, "STAFF", "communityCode", "beixinyuan"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            assertThat(snapshot(service)).isNotEqualTo(atBackup);
        }

        // Restore: unzip into a fresh directory and start there as the backup's service ran, with demo data on:
        // the database already has tickets, so nothing is made up, and with demo data off the start would
        // (rightly) disable the demo users and refuse the demo administrator's published password.
        Path restored = Files.createDirectories(workDir.resolve("restored"));
        List<String> entries = unzip(zip, restored);
        assertThat(entries).first().isEqualTo("communitydesk.mv.db");
        assertThat(entries.subList(1, entries.size())).hasSize(1)
                .allMatch(entry -> entry.matches("photos/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg"));
        try (Service service = Service.start(restored, restored.resolve("communitydesk"), true,
                "-Dcommunitydesk.photos.directory=" + restored.resolve("photos"))) {
            assertThat(service.bytes("/api/photos/" + photoBefore)).as("the photo taken before the backup")
                    .isEqualTo(photoBeforeBytes);
            assertThat(service.imageStatus("/api/photos/" + photoAfter)).as("the photo added after the backup").isEqualTo(404);
            Snapshot afterRestore = snapshot(service);
            assertThat(afterRestore.tickets()).isEqualTo(atBackup.tickets());
            assertThat(afterRestore.events()).isEqualTo(atBackup.events());
            assertThat(afterRestore.users()).isEqualTo(atBackup.users());
            assertThat(service.send("GET", "/api/tickets/" + laterTicket, null).statusCode()).isEqualTo(404);
            assertThat(service.send("GET", "/api/users/" + laterUser, null).statusCode()).isEqualTo(404);
            // The restored database takes writes as usual (the tally trigger and the code sequence came along).
            HttpResponse<String> answer = service.send("POST", "/api/tickets",
                    TicketApi.intake("sewer-blockage", "beixinyuan", "hongan"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            assertThat(JSON.readTree(answer.body()).path("code").asText()).isNotIn(atBackup.tickets().keySet());
        }
    }

    private static Snapshot snapshot(Service service) throws IOException, InterruptedException {
        Map<String, JsonNode> tickets = new TreeMap<>();
        Map<String, JsonNode> events = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode list = service.json("/api/tickets?size=100&page=" + page);
            for (JsonNode item : list.path("items")) {
                String code = item.path("code").asText();
                ObjectNode ticket = (ObjectNode) service.json("/api/tickets/" + URLEncoder.encode(code, StandardCharsets.UTF_8));
                // Worked out from the clock at each read, not stored.
                ticket.remove(List.of("overdue", "possibleDuplicates"));
                tickets.put(code, ticket);
                events.put(code, service.json("/api/tickets/" + code + "/events"));
            }
            if ((long) (page + 1) * list.path("size").asLong() >= list.path("total").asLong()) {
                break;
            }
        }
        return new Snapshot(tickets, events, service.json("/api/users"));
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** The packaged service on one H2 file, in its own working directory, answering on a free port. */
    static final class Service implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;
        private final HttpClient client = HttpClient.newHttpClient();

        private Service(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Service start(Path workingDirectory, Path database, boolean demo, String... properties) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = workingDirectory.resolve("out-" + System.nanoTime() + ".log");
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + database + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"));
            command.addAll(List.of(properties));
            command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("COMMUNITYDESK_ADMIN_PASSWORD");
            builder.environment().put("COMMUNITYDESK_DEMO_ENABLED", Boolean.toString(demo));
            Service service = new Service(builder.start(), log, port);
            service.awaitReady();
            return service;
        }

        private void awaitReady() throws Exception {
            for (int attempt = 0; attempt < 360; attempt++) {
                assertThat(process.isAlive()).as("the service should be running: %s", log()).isTrue();
                try {
                    if (send("GET", "/q/health/ready", null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // keep waiting
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the service did not become ready in 180 s: " + log());
        }

        HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Uploads a PUBLIC NOTE photo as the administrator; returns its id. */
        String uploadPhoto(String ticket, byte[] jpeg) throws IOException, InterruptedException {
            String boundary = "photo" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(jpeg);
            body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\nPUBLIC\r\n--"
                    + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets/" + ticket + "/photos"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                    .header("X-Requested-With", "BackupRestoreIT")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            return JSON.readTree(answer.body()).get(0).path("id").asText();
        }

        byte[] bytes(String path) throws IOException, InterruptedException {
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as("GET %s", path).isEqualTo(200);
            return answer.body();
        }

        /** The status of a GET asking for an image, as a browser opening a photo does. */
        int imageStatus(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "image/*").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        JsonNode json(String path) throws IOException, InterruptedException {
            HttpResponse<String> answer = send("GET", path, null);
            assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
