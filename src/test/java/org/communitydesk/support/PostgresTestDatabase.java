package org.communitydesk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the suite runs with the "postgresql" profile ({@code ./mvnw verify -Ppostgresql}), creates a
 * fresh database on the local server for this run and drops it afterwards, so the server is left clean.
 * On H2 it does nothing: the test profile uses an in-memory database.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String SERVER = System.getProperty("communitydesk.test.pg-server", "127.0.0.1:5432");
    public static final String USER = System.getProperty("communitydesk.test.pg-user", "postgres");

    private String database;

    public static boolean active() {
        return System.getProperty("quarkus.test.profile", "test").contains("postgresql");
    }

    @Override
    public Map<String, String> start() {
        if (!active()) {
            return Map.of();
        }
        database = freshName("communitydesk_test_");
        execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        String url = "jdbc:postgresql://" + SERVER + "/" + database;
        return Map.of(
                "%postgresql.quarkus.datasource.jdbc.url", url,
                "%postgresql.quarkus.datasource.username", USER,
                "quarkus.datasource.jdbc.url", url);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            database = null;
        }
    }

    /**
     * A database name no earlier run used. Letters only: Flyway logs the URL, and a run of hex digits can read as a
     * mobile number to {@code LogPrivacyIT} (communitydesk_test_e15879265764 once failed it).
     */
    public static String freshName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 12; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on PostgreSQL at " + SERVER + " as " + USER
                    + ". Is the server running? Start it with: pg_ctlcluster --skip-systemctl-redirect "
                    + "$(ls /etc/postgresql) main start", e);
        }
    }
}
