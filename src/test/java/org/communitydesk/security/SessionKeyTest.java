package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.SignInAsAdmin;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The sign-in cookie's key when nobody set one: made once, kept in the database, the one Quarkus
 * encrypts cookies with and the one CSRF tokens come from, never written to the log.
 */
@QuarkusTest
class SessionKeyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = SessionKeySource.PROPERTY)
    String configuredKey;

    @Test
    void theKeyIsKeptInTheDatabaseAndEncryptsTheSignInCookie() throws Exception {
        String stored = storedKey(SessionKeySource.SESSION_KEY);
        assertThat(stored).as("a key of 32 random bytes in the table").hasSize(44);
        assertThat(configuredKey).isEqualTo(stored);

        String cookie = SessionCookies.signIn(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
        assertThat(SessionCookies.userIn(cookie, stored)).isEqualTo(SignInAsAdmin.ADMIN);
        assertThat(SessionCookies.userIn(cookie, "some-other-key-of-enough-length")).isNull();
    }

    @Test
    void everyReadGivesTheSameKeyAndInstancesStartingAtOnceAgreeOnOne() throws Exception {
        SessionKeySource.Database database = database();
        assertThat(SessionKeySource.sharedKey(database, SessionKeySource.SESSION_KEY))
                .isEqualTo(storedKey(SessionKeySource.SESSION_KEY));

        // A name nobody made yet: eight "instances" ask at the same moment, as on a first start.
        String name = "t-" + UUID.randomUUID().toString().substring(0, 12);
        assertThat(race(database, name, 8)).hasSize(1).containsExactly(storedKey(name));
    }

    @Test
    void instancesStartingAtOnceOnANewDatabaseCreateTheTableOnceAndAgreeOnOneKey() throws Exception {
        SessionKeySource.Database current = database();
        String fresh = "keyrace" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        boolean postgres = current.url().startsWith("jdbc:postgresql:");
        String url = postgres ? current.url().substring(0, current.url().lastIndexOf('/') + 1) + fresh
                : "jdbc:h2:mem:" + fresh + ";DB_CLOSE_DELAY=-1";
        if (postgres) {
            execute(current, "CREATE DATABASE " + fresh);
        }
        SessionKeySource.Database empty = new SessionKeySource.Database(url, current.user(), current.password());
        try {
            assertThat(race(empty, SessionKeySource.SESSION_KEY, 6)).hasSize(1);
        } finally {
            if (postgres) {
                execute(current, "DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)");
            } else {
                execute(empty, "SHUTDOWN");
            }
        }
    }

    private static Set<String> race(SessionKeySource.Database database, String name, int instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                answers.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    return SessionKeySource.sharedKey(database, name);
                }));
            }
            start.countDown();
            Set<String> keys = new HashSet<>();
            for (Future<String> answer : answers) {
                keys.add(answer.get());
            }
            return keys;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void execute(SessionKeySource.Database database, String sql) throws Exception {
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void csrfTokensComeFromTheSharedKeySoAnyInstanceAcceptsThem() {
        Response page = given().when().get("/console/intake");
        String sessionId = page.cookie(org.communitydesk.console.ConsoleSession.COOKIE);
        Matcher token = CSRF.matcher(page.asString());
        assertThat(token.find()).isTrue();
        // Nothing of this process goes into the token: another instance with the key makes the same one.
        assertThat(token.group(1)).isEqualTo(SessionCookies.csrfToken(configuredKey, SignInAsAdmin.ADMIN, sessionId));
    }

    @Test
    void theKeyNeverAppearsInTheLog() throws Exception {
        SessionCookies.signIn(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
        Path log = Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
        String written = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(written).as("the test log was written").contains("Installed features");
        assertThat(written).doesNotContain(configuredKey).doesNotContain("temporary key")
                .doesNotContain("Encryption key was not specified");
    }

    private SessionKeySource.Database database() {
        var config = ConfigProvider.getConfig();
        return new SessionKeySource.Database(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    private String storedKey(String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT secret FROM cd_keys.shared_secret WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
