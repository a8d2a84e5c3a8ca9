package org.communitydesk.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/quarkus-app}) started as an operator would: its own JVM, settings
 * from system properties and the environment, output in a log file. Used by every failsafe *IT.
 * The jar is built for one database ({@code quarkus.datasource.db-kind} is fixed at build time):
 * {@code ./mvnw verify} builds it for H2, {@code ./mvnw verify -Ppostgresql} for PostgreSQL, and
 * failsafe tells the tests which through {@code communitydesk.it.profile} (see pom.xml).
 */
public final class PackagedService implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /**
     * How long a start may take. About 3 s on an idle machine; on a CI machine shared by several
     * builds it was 120 s, and a test that fails for a slow start proves nothing.
     */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);
    /** Settings an operator may have exported; a test sets what it means to, nothing else leaks in. */
    private static final List<String> INHERITED_SETTINGS = List.of("QUARKUS_PROFILE", "COMMUNITYDESK_ADMIN_PASSWORD",
            "COMMUNITYDESK_DEMO_ENABLED", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_PORT");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedService(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The Quarkus profile the jar under test was built with ("prod" for H2, "postgresql"). */
    public static String builtProfile() {
        return System.getProperty("communitydesk.it.profile", "prod");
    }

    public static boolean builtForPostgres() {
        return builtProfile().contains("postgresql");
    }

    /** A port nobody listens on right now, on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on the loopback interface", e);
        }
    }

    /** How to start the jar on {@code database}, named {@code name} in logs and messages; start() may be called again. */
    public static Builder on(Database database, String name, Path logDirectory) {
        return new Builder(database, name, logDirectory);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return log;
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** What went wrong by the log: its ERROR and "Caused by" lines (the first few), then its last lines. */
    public String logSummary() {
        List<String> errors = log().lines().filter(l -> l.contains(" ERROR ") || l.startsWith("Caused by"))
                .limit(8).toList();
        return String.join("\n", errors) + "\n...\n" + logTail(15);
    }

    /** The last lines of the log, to print when a test fails. */
    public String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Waits for /q/health/ready to answer 200 on every service, all within {@code timeout}. */
    public static void awaitReady(Duration timeout, PackagedService... services) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PackagedService> waiting = new ArrayList<>(List.of(services));
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext();) {
                PackagedService service = it.next();
                if (!service.isAlive()) {
                    throw new AssertionError("Instance " + service.name + " stopped while starting (exit "
                            + service.exitValue() + "); its log (" + service.log + "):\n" + service.logSummary());
                }
                if (service.ready(client)) {
                    it.remove();
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    StringBuilder logs = new StringBuilder();
                    waiting.forEach(s -> logs.append("\n--- ").append(s.name).append(":\n").append(s.logTail(40)));
                    throw new AssertionError("Not ready within " + timeout + ": "
                            + waiting.stream().map(PackagedService::name).toList() + logs);
                }
                Thread.sleep(250);
            }
        }
    }

    private boolean ready(HttpClient client) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** kill -9: no shutdown hook, no flush, whatever was running stops mid-way. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Instance " + name + " did not die within 30 s of SIGKILL");
        }
    }

    /** Stops the service as an operator's SIGTERM would, and kills it if it does not stop within 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Settings for starting the jar; each start() makes a new process (and log file) with them. */
    public static final class Builder {
        private final Database database;
        private final String name;
        private final Path logDirectory;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private int port = freePort();
        private int starts;

        private Builder(Database database, String name, Path logDirectory) {
            this.database = database;
            this.name = name;
            this.logDirectory = logDirectory;
        }

        /** 0 lets the service choose; the default is a port free when the builder was made. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public PackagedService start() throws IOException {
            starts++;
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(starts == 1 ? name + ".log" : name + "-" + starts + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Quicker to start and smaller than the defaults, for tests that start several JVMs at once.
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-Xmx256m");
            command.add("-Dquarkus.http.host=127.0.0.1");
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl());
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(JAR.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            INHERITED_SETTINGS.forEach(builder.environment()::remove);
            if (database.postgres()) {
                builder.environment().put("QUARKUS_PROFILE", "postgresql");
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            // A test JVM that dies must not leave the service running (it holds a port and the database).
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new PackagedService(name, process, port, log);
        }
    }

    /**
     * A new, empty database for a packaged run, of the kind the jar was built for: an H2 file under
     * a test's directory, or {@code communitydesk_it_<random>} on the local PostgreSQL server,
     * dropped again by {@link #close()}.
     */
    public static final class Database implements AutoCloseable {
        private final String jdbcUrl;
        private final String postgresName;

        private Database(String jdbcUrl, String postgresName) {
            this.jdbcUrl = jdbcUrl;
            this.postgresName = postgresName;
        }

        public static Database fresh(Path directory) {
            if (!builtForPostgres()) {
                return new Database("jdbc:h2:file:" + directory.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0", null);
            }
            String name = PostgresTestDatabase.freshName("communitydesk_it_");
            PostgresTestDatabase.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
            return new Database("jdbc:postgresql://" + PostgresTestDatabase.SERVER + "/" + name, name);
        }

        /**
         * A database made by the test itself (on PostgreSQL, with its own roles); {@link #close()} leaves it to
         * the test, which drops it.
         */
        public static Database existing(String jdbcUrl) {
            return new Database(jdbcUrl, jdbcUrl.startsWith("jdbc:postgresql:") ? "" : null);
        }

        public boolean postgres() {
            return postgresName != null;
        }

        public String jdbcUrl() {
            return jdbcUrl;
        }

        /** A connection to the PostgreSQL database (an H2 file is locked by the running service). */
        public Connection connect() throws SQLException {
            if (!postgres()) {
                throw new IllegalStateException("Only a PostgreSQL database can be opened beside the service");
            }
            return DriverManager.getConnection(jdbcUrl, PostgresTestDatabase.USER, "");
        }

        @Override
        public void close() {
            if (postgresName != null && !postgresName.isEmpty()) {
                PostgresTestDatabase.execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
            }
        }
    }
}
