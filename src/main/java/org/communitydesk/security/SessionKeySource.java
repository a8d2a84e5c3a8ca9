package org.communitydesk.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.communitydesk.ticket.AccessCodes;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The keys every instance shares, made once and kept in the database, so that every instance on one
 * database, and every restart, uses the same ones without anyone setting anything: the pages' sign-in
 * cookie key ({@value #PROPERTY}; the CSRF key is derived from it, see console.CsrfTokens) and the key
 * of the residents' access-code hashes ({@value #ACCESS_CODE_PROPERTY}, see ticket.AccessCodes). The
 * two are separate rows because they live differently: replacing the cookie key only signs everyone
 * out, replacing the access-code key would make every issued access code fail.
 *
 * <p>Quarkus reads the key from configuration while it starts, before the datasource and Flyway
 * exist; so this is a configuration source that uses the configured JDBC URL, user and password
 * itself. Its ordinal is low: a key an operator sets (application.properties, environment, system
 * property) wins, and then the database is never asked. The database is asked only when Quarkus asks
 * for the key (never at build time, and never for any other property).
 *
 * <p>The table lives in a schema of its own ({@value #SCHEMA}): on a new database the key must exist
 * before Flyway runs, and a table in Flyway's own schema would make Flyway refuse that schema as
 * "not empty, without history". V10 declares the same schema and table (IF NOT EXISTS).
 * Two instances starting at once both insert if absent and then read back the row that won.
 */
public class SessionKeySource implements ConfigSourceFactory {

    public static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String SCHEMA = "cd_keys";
    static final String TABLE = SCHEMA + ".shared_secret";
    static final String SESSION_KEY = "session-key";
    static final String ACCESS_CODE_PROPERTY = AccessCodes.KEY_PROPERTY;
    static final String ACCESS_CODE_KEY = "access-code-key";
    /** The properties this source answers, and the row that holds each. */
    static final Map<String, String> ROWS = Map.of(PROPERTY, SESSION_KEY, ACCESS_CODE_PROPERTY, ACCESS_CODE_KEY);
    /** Below application.properties (250), .env (295), environment (300) and system properties (400). */
    static final int ORDINAL = 50;

    /** Set by Quarkus while it starts the application to record the AppCDS archive at build time. */
    static final String APPCDS_GENERATION = "quarkus.appcds.generate";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (Boolean.getBoolean(APPCDS_GENERATION)) {
            // Recording the class archive at build time must not create a database (and its keys) in the package.
            return List.of();
        }
        // The context does not apply profiles (%test., %postgresql.) by itself.
        List<String> profiles = new ArrayList<>(context.getProfiles());
        Collections.reverse(profiles);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new ConfigSourceContext.ConfigSourceContextConfigSource(context))
                .withProfiles(profiles)
                .build();
        String url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(null);
        if (url == null) {
            return List.of();
        }
        return List.of(new KeySource(new Database(url,
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null))));
    }

    /** Where the key is kept; the password never appears in a message. */
    record Database(String url, String user, String password) {

        /** The URL without its parameters, which may carry a password. */
        String safeUrl() {
            int cut = url.length();
            for (char c : new char[] { '?', ';' }) {
                int at = url.indexOf(c);
                if (at >= 0) {
                    cut = Math.min(cut, at);
                }
            }
            return url.substring(0, cut);
        }

        Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            // The drivers of this class loader; DriverManager may not see Quarkus' class loaders.
            for (Driver driver : ServiceLoader.load(Driver.class, SessionKeySource.class.getClassLoader())) {
                if (driver.acceptsURL(url)) {
                    return driver.connect(url, properties);
                }
            }
            throw new SQLException("No JDBC driver accepts " + safeUrl());
        }
    }

    /** Answers the properties of {@link #ROWS} only, each from the database, read once. */
    static final class KeySource implements ConfigSource {

        private final Database database;
        private final Map<String, String> keys = new ConcurrentHashMap<>();

        KeySource(Database database) {
            this.database = database;
        }

        @Override
        public Set<String> getPropertyNames() {
            // Not listed: nothing enumerates the key (and so nothing copies it at build time).
            return Set.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String propertyName) {
            String row = ROWS.get(propertyName);
            return row == null ? null : keys.computeIfAbsent(row, name -> sharedKey(database, name));
        }

        @Override
        public String getName() {
            return "CommunityDesk shared keys in the database (" + TABLE + ")";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }

    /** The secret kept under this name, made now if there is none yet; the same for every caller. */
    static String sharedKey(Database database, String name) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(true);
            if (!tableExists(connection)) {
                createTable(connection);
            }
            String found = read(connection, name);
            if (found != null) {
                return found;
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (name, secret, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, Base64.getEncoder().encodeToString(secret));
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            } catch (SQLException lostTheRace) {
                if (!isDuplicate(lostTheRace)) {
                    throw lostTheRace;
                }
            }
            found = read(connection, name);
            if (found == null) {
                throw new SQLException("the row '" + name + "' is missing right after it was written");
            }
            return found;
        } catch (SQLException e) {
            String property = ROWS.entrySet().stream().filter(row -> row.getValue().equals(name))
                    .map(Map.Entry::getKey).findFirst().orElse(name);
            throw new IllegalStateException("Could not read or create the shared key '" + name + "' in " + TABLE
                    + " at " + database.safeUrl() + " (" + e.getMessage() + "). Check that the database is reachable "
                    + "with the configured quarkus.datasource.* settings and that its user may create a schema, or set "
                    + property + " (the same value on every instance).", e);
        }
    }

    /** Asked first, so that an instance whose user may not create a schema starts once the table exists. */
    private static boolean tableExists(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet ignored = statement.executeQuery("SELECT name FROM " + TABLE + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    /** Same shape as V10. Two instances may create it at the same moment: the loser retries. */
    private static void createTable(Connection connection) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "name VARCHAR(32) NOT NULL PRIMARY KEY, "
                        + "secret VARCHAR(100) NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                return;
            } catch (SQLException raced) {
                // IF NOT EXISTS is not atomic against a concurrent CREATE, on PostgreSQL (a duplicate key)
                // or H2 ("object already exists"): whoever lost finds the winner's table.
                if (tableExists(connection)) {
                    return;
                }
                if (attempt >= 5) {
                    throw raced;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw raced;
                }
            }
        }
    }

    private static String read(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM " + TABLE + " WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** A unique violation: 23505 on H2 and PostgreSQL. */
    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
