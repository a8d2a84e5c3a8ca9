package org.communitydesk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the S3 store's tests: S3Proxy (gaul/s3proxy, in-memory "transient" backend) as a
 * process of its own from the self-contained jar the build copies to target/s3proxy (pom: maven-dependency-plugin).
 * A separate process because on the test classpath its Jetty 12 and jclouds (Guice, Guava) would meet Quarkus'.
 * It speaks AWS signature v2 and v4 on a free loopback port; the bucket is made by the store's test.
 */
public class S3ProxyServer implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "communitydesk-photos";
    public static final String ACCESS_KEY = "local-identity";
    public static final String SECRET_KEY = "local-credential";

    private Process process;
    private Path log;

    @Override
    public Map<String, String> start() {
        try {
            Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the tests through Maven, which copies it there.");
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path directory = Files.createDirectories(Path.of("target", "s3proxy", "run-" + port)).toAbsolutePath();
            Path properties = directory.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY, ""));
            log = directory.resolve("s3proxy.log");
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitListening(port);
            try (S3Client client = client("http://127.0.0.1:" + port)) {
                client.createBucket(b -> b.bucket(BUCKET));
            }
            return Map.of("communitydesk.photos.store", "s3",
                    "communitydesk.photos.s3.endpoint", "http://127.0.0.1:" + port,
                    "communitydesk.photos.s3.bucket", BUCKET,
                    "communitydesk.photos.s3.prefix", "photos/",
                    "communitydesk.photos.s3.path-style", "true",
                    "communitydesk.photos.s3.access-key-id", ACCESS_KEY,
                    "communitydesk.photos.s3.secret-access-key", SECRET_KEY);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("S3Proxy did not start: " + e, e);
        }
    }

    /** A client of the server, as the service's store is configured, for tests that look into the bucket. */
    public static S3Client client(String endpoint) {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private void awaitListening(int port) throws InterruptedException, IOException {
        for (int attempt = 0; attempt < 240; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy stopped: " + Files.readString(log));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("S3Proxy did not listen within 60 s: " + Files.readString(log));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
