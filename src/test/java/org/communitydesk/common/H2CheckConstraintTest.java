package org.communitydesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The H2 version the build uses keeps a CHECK (x IN (...)) constraint working after the connection
 * that created it is closed, as it is when the pool retires Flyway's connection. H2 2.4.240 broke that
 * ("Check constraint invalid" on every later insert), which is why the pom pins H2.
 */
class H2CheckConstraintTest {

    @Test
    void aCheckConstraintHoldsForConnectionsOpenedAfterItsCreatorClosed() throws SQLException {
        String url = "jdbc:h2:mem:check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection creator = DriverManager.getConnection(url); Statement statement = creator.createStatement()) {
            statement.execute("CREATE TABLE client_failure (kind VARCHAR(16) NOT NULL, "
                    + "CONSTRAINT ck_kind CHECK (kind IN ('PUBLIC_LOOKUP', 'SIGN_IN')))");
        }
        try (Connection later = DriverManager.getConnection(url); Statement statement = later.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO client_failure (kind) VALUES ('SIGN_IN')")).isEqualTo(1);
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO client_failure (kind) VALUES ('OTHER')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("CK_KIND");
            statement.execute("SHUTDOWN");
        }
    }
}
