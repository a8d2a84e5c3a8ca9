package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TestPhotos;
import java.util.function.Supplier;
import org.communitydesk.dashboard.FigureRollups;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.security.SecurityEvent;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Reads cost a fixed number of statements: a ticket's view does not load its assignments, events or
 * organizations one by one, lists do not load each row's relations, and areas and categories come from
 * the second-level cache. Counted with Hibernate's statistics (on in the test profile); the counts
 * include the sign-in's own reads, which are the same for every request here.
 */
@QuarkusTest
class QueryCountTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    FigureRollups figureRollups;

    @Test
    void aTicketViewCostsTheSameWhateverItsAssignmentsAndEvents() {
        String plain = create(intake("sewer-blockage", "beixinyuan", "hongan")).path("code");
        move(plain, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);

        String busy = create(intake("sewage-overflow", "beixinyuan", "hongan")).path("code");
        move(busy, "dispatch", dispatchBody("tongda-dredging", "datong-sewage", "pingcheng-sanitation",
                "yingbin-enforcement")).then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            given().contentType(ContentType.JSON).body(Map.of("text", "第 " + i + " 口井已清", "visibility", "PUBLIC"))
                    .when().post("/api/tickets/{code}/notes", busy).then().statusCode(201);
        }
        String accessCode = given().contentType(ContentType.JSON).when().post("/api/tickets/{code}/access-code", busy)
                .then().statusCode(200).extract().path("accessCode");
        String plainAccessCode = given().contentType(ContentType.JSON)
                .when().post("/api/tickets/{code}/access-code", plain).then().statusCode(200).extract().path("accessCode");
        get("/api/tickets/" + plain); // the caches are warm from here on

        long plainView = builtViewStatements(plain, busy);
        long busyView = builtViewStatements(busy, plain);
        assertThat(busyView).as("statements for a ticket with 4 organizations and 8 events").isEqualTo(plainView);
        // Sign-in (the user's row with the failures that could stop it), the ticket's version in scope with its
        // guards' latest lock ends and the newest event; for a view not built in the last seconds, the ticket with
        // its site, lead and assignments, the possible duplicates, its answers to the service's questions, its
        // extension requests and its urgings (one statement each, whatever their number); the access blocks'
        // details only while one runs.
        assertThat(plainView).as("statements for a staff ticket view").isLessThanOrEqualTo(7);
        get("/api/tickets/" + plain);
        assertThat(keptStatements(() -> get("/api/tickets/" + plain))).as("the same view again").isEqualTo(2);
        // Possible duplicates (the same category at the same compound, dispatched or not) cost nothing more.
        for (String organization : new String[] { "tongda-dredging", "datong-sewage", null }) {
            String duplicate = create(intake("sewer-blockage", "beixinyuan", "hongan")).path("code");
            if (organization != null) {
                move(duplicate, "dispatch", dispatchBody(organization)).then().statusCode(200);
            }
        }
        assertThat(given().when().get("/api/tickets/" + plain).then().statusCode(200).extract()
                .<java.util.List<?>>path("possibleDuplicates")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(builtViewStatements(plain, busy)).as("statements with possible duplicates").isEqualTo(plainView);

        long plainLookup = statements(() -> publicLookup(plain, plainAccessCode));
        long busyLookup = statements(() -> publicLookup(busy, accessCode));
        assertThat(busyLookup).isEqualTo(plainLookup);
        // The ticket's version in one read with the address's failed lookups and both access guards, then, for a
        // version not seen in the last seconds, the ticket with its site and lead and its public timeline; the
        // public photos only when the timeline shows one added.
        assertThat(plainLookup).as("statements for a resident's first lookup").isLessThanOrEqualTo(3);
        assertThat(keptStatements(() -> publicLookup(plain, plainAccessCode))).as("the same lookup again").isEqualTo(1);
        TestPhotos.upload(plain, TestPhotos.jpeg(12), "NOTE", "INTERNAL").then().statusCode(201);
        assertThat(statements(() -> publicLookup(plain, plainAccessCode))).as("with a photo residents do not see")
                .isEqualTo(plainLookup);
        TestPhotos.upload(plain, TestPhotos.jpeg(13), "NOTE", "PUBLIC").then().statusCode(201);
        assertThat(statements(() -> publicLookup(plain, plainAccessCode))).as("with a public photo")
                .isEqualTo(plainLookup + 1);
        assertThat(publicLookup(plain, plainAccessCode).then().statusCode(200).extract().<List<?>>path("photos"))
                .hasSize(1);
    }

    @Test
    void listsCostTheSameForOneRowAsForTwenty() {
        String newest = null;
        for (int i = 0; i < 20; i++) {
            String code = create(intake(i % 2 == 0 ? "sewer-blockage" : "street-light", "zhenxingjie", null)).path("code");
            newest = code;
            if (i % 3 == 0) {
                move(code, "dispatch", dispatchBody(i % 2 == 0 ? "tongda-dredging" : "datong-sewage")).then().statusCode(200);
            }
        }
        get("/api/tickets?size=2&community=zhenxingjie");
        get("/open311/v2/requests.json?page_size=1");

        assertThat(statements(() -> get("/api/tickets?size=20&community=zhenxingjie")))
                .isEqualTo(statements(() -> get("/api/tickets?size=1&community=zhenxingjie")));
        // Asked again while no ticket changed: the sign-in and the read of the newest event.
        assertThat(keptStatements(() -> get("/api/tickets?size=20&community=zhenxingjie"))).as("the same page again")
                .isEqualTo(2);
        // Each Open311 list below is built anew (an argument the service ignores makes it a query not answered in the
        // last seconds); asked again unchanged, a list costs the one read of the newest event.
        assertThat(statements(() -> get(open311("page_size=20")))).isEqualTo(statements(() -> get(open311("page_size=1"))));
        get("/open311/v2/requests.json?page_size=20");
        assertThat(keptStatements(() -> get("/open311/v2/requests.json?page_size=20"))).isEqualTo(1);
        // extensions=true adds two statements for the page (its public events, its list answers), not two a row.
        assertThat(statements(() -> get(open311("page_size=20&extensions=true"))))
                .isEqualTo(statements(() -> get(open311("page_size=1&extensions=true"))))
                .isEqualTo(statements(() -> get(open311("page_size=1"))) + 2);

        // A second caller's name must be masked: one more statement for the page, read only when a ticket has one.
        long withoutFurtherCalls = statements(() -> get(open311("page_size=1")));
        given().contentType(ContentType.JSON).body(Map.of("reporter", Map.of("name", "第二位来电人", "phone", "13911112222"),
                "channel", "PHONE")).when().post("/api/tickets/{code}/reports", newest).then().statusCode(200);
        assertThat(statements(() -> get(open311("page_size=1")))).isEqualTo(withoutFurtherCalls + 1);
        assertThat(statements(() -> get(open311("page_size=20")))).isEqualTo(statements(() -> get(open311("page_size=1"))));
    }

    private static int lists;

    /** An Open311 list URL that no earlier call asked for. */
    private static String open311(String arguments) {
        return "/open311/v2/requests.json?" + arguments + "&client_list=" + (++lists);
    }

    @Test
    void aTicketAtACompoundWithManyOpenCallsLoadsOnlyTheTenNewestAsPossibleDuplicates() {
        // fire-hazard at 建筑三公司家属院: no other test reports it there.
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            codes.add(create(intake("fire-hazard", "zhenxingjie", "jianzhu-no3")).then().statusCode(201)
                    .extract().path("code"));
        }
        String last = codes.get(codes.size() - 1);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().when().get("/api/tickets/{code}", last).then().statusCode(200)
                .body("possibleDuplicates.code", org.hamcrest.Matchers.equalTo(
                        newestFirst(codes.subList(codes.size() - 11, codes.size() - 1))));
        assertThat(statistics.getEntityLoadCount()).as("entities loaded to show one ticket").isLessThan(20);
    }

    private static java.util.List<String> newestFirst(java.util.List<String> codes) {
        java.util.List<String> reversed = new java.util.ArrayList<>(codes);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    @Test
    @TestTransaction
    void areasAndCategoriesAreFoundByCodeWithoutAStatementOnceRead() {
        Area.findByCode("beixinyuan").orElseThrow();
        ServiceCategory.findByCode("sewer-blockage").orElseThrow();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        assertThat(Area.findByCode("beixinyuan")).get().extracting(area -> area.code).isEqualTo("beixinyuan");
        assertThat(ServiceCategory.findByCode("sewer-blockage")).get().extracting(category -> category.code)
                .isEqualTo("sewer-blockage");
        assertThat(Area.findByCode("no-such-community")).isEmpty();

        // The unknown code is a statement the first time; the two known ones come from the query cache.
        assertThat(statistics.getPrepareStatementCount()).as("statements").isEqualTo(1);
        assertThat(statistics.getQueryCacheHitCount()).as("query cache hits").isEqualTo(2);
    }

    @Test
    @TestTransaction
    void theDashboardsNativeWritesLeaveAreasAndCategoriesCached() {
        Area.findByCode("beixinyuan").orElseThrow();
        ServiceCategory.findByCode("sewer-blockage").orElseThrow();
        figureRollups.forgetAll();
        SecurityEvent.deleteOlderThan(Instant.EPOCH);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        Area.findByCode("beixinyuan").orElseThrow();
        ServiceCategory.findByCode("sewer-blockage").orElseThrow();

        // A native write that does not name its table empties every cached query and entity of this instance.
        assertThat(statistics.getPrepareStatementCount()).as("statements").isZero();
        assertThat(statistics.getQueryCacheHitCount()).as("query cache hits").isEqualTo(2);
    }

    private long statements(Supplier<Response> request) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        request.get().then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    /**
     * The statements of an answer that should be kept, the fewer of two tries: the statistics count the whole
     * service, so a scheduled job's statements, or a kept answer's 10-second period ending between two requests,
     * can add to one try. An answer that is not kept costs its full count both times.
     */
    private long keptStatements(Supplier<Response> request) {
        return Math.min(statements(request), statements(request));
    }

    /** The statements of a view of {@code code} that is built, not kept: a note on {@code other} comes first. */
    private long builtViewStatements(String code, String other) {
        given().contentType(ContentType.JSON).body(Map.of("text", "回访前核对", "visibility", "INTERNAL"))
                .when().post("/api/tickets/{code}/notes", other).then().statusCode(201);
        return statements(() -> get("/api/tickets/" + code));
    }

    private static Response get(String path) {
        return given().when().get(path);
    }

    private static Response publicLookup(String code, String accessCode) {
        return given().auth().none().header("X-Forwarded-For", "10.13.0.1").header("X-Access-Code", accessCode)
                .when().get("/api/public/tickets/{code}", code);
    }
}
