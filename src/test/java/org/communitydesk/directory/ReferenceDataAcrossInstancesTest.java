package org.communitydesk.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Areas are kept in each instance's second-level cache. Another instance's change is simulated here by writing
 * the database with plain JDBC, as that instance's transaction commits it (the footprint and the version), which
 * this process's Hibernate never hears of; the scheduled check is off in tests and called directly.
 */
@QuarkusTest
class ReferenceDataAcrossInstancesTest {

    /** 振兴街社区's footprint centre since V6; no other test reports at its edge. */
    private static final String COMMUNITY = "zhenxingjie";
    private static final String CENTRE = "geo:40.083000,113.318000";
    private static final String MOVED = "geo:40.083100,113.318000";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferenceDataVersion referenceData;

    @AfterEach
    void restoreTheFootprint() throws SQLException {
        execute("update area set latitude = 40.0830, longitude = 113.3180, radius_metres = 500 where code = '"
                + COMMUNITY + "'");
        referenceData.check();
        referenceData.check();
    }

    @Test
    void aFootprintMovedByAnotherInstanceIsShownAfterTheNextCheck() throws SQLException {
        // A ticket with neither compound nor spot: its page links to the community's centre.
        String code = TicketApi.createTicket("sewer-blockage", COMMUNITY, null);
        referenceData.check();
        assertThat(ticketPage(code)).contains(CENTRE);

        execute("update area set latitude = 40.0831 where code = '" + COMMUNITY + "'");
        execute("update reference_data_version set version = version + 1 where id = 1");

        assertThat(ticketPage(code)).as("until the check, this instance shows its cached community").contains(CENTRE);
        assertThat(referenceData.check()).as("the check sees the version move").isTrue();
        assertThat(ticketPage(code)).contains(MOVED).doesNotContain(CENTRE);
        assertThat(referenceData.check()).as("and moves on when nothing changed").isFalse();
        assertThat(referenceData.check()).isFalse();
    }

    @Test
    void placingACommunityHereMovesTheVersionForTheOtherInstances() throws SQLException {
        long before = version();
        given().contentType(ContentType.JSON).body(Map.of("latitude", 40.0831, "longitude", 113.3180, "radiusMetres", 500))
                .when().put("/api/areas/{code}/footprint", COMMUNITY).then().statusCode(200);
        assertThat(version()).isEqualTo(before + 1);

        // A refused change moves nothing.
        given().contentType(ContentType.JSON).body(Map.of("latitude", 95, "longitude", 113.3180, "radiusMetres", 500))
                .when().put("/api/areas/{code}/footprint", COMMUNITY).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("latitude", 40.09, "longitude", 113.33, "radiusMetres", 100))
                .when().put("/api/areas/{code}/footprint", "yingbin").then().statusCode(400);
        assertThat(version()).isEqualTo(before + 1);
    }

    private static String ticketPage(String code) {
        return given().auth().none().cookies(SessionCookies.signInCookies(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD))
                .when().get("/console/tickets/{code}", code).then().statusCode(200).extract().asString();
    }

    private long version() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select version from reference_data_version where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).as(sql).isEqualTo(1);
        }
    }
}
