package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A text search counts its matches up to 1000: the list's total is 1001 for "more", the queue says
 * "more than 1000" and leaves the per-status numbers out; below the cap every count is exact.
 */
@QuarkusTest
class TextSearchCapTest {

    @Inject
    EntityManager em;

    @Test
    void aSearchMatchingMoreThanTheCapSaysMoreAndOneBelowItCountsExactly() {
        String many = "容量井" + UUID.randomUUID().toString().substring(0, 8);
        String first = ticketAbout(many);
        walk(first, "dispatch");
        copy(first, 1001); // 1002 matches, one of them dispatched: counting stops at 1001
        String few = "少量井" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            ticketAbout(few);
        }

        given().queryParam("q", many).queryParam("size", 20).when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(1001)).body("items", hasSize(20));
        given().queryParam("q", many).queryParam("status", "DISPATCHED").when().get("/api/tickets").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].code", equalTo(first));
        given().queryParam("q", few).when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(3));

        String capped = given().queryParam("q", many).when().get("/console/tickets").then().statusCode(200)
                .extract().asString();
        assertThat(capped).contains("<span class=\"count\">1000+</span>", "超过 1000 张")
                .doesNotContain("data-status=\"REPORTED\"");
        String dispatched = given().queryParam("q", many).queryParam("status", "DISPATCHED").when()
                .get("/console/tickets").then().statusCode(200).extract().asString();
        assertThat(dispatched).contains("共 1 张", first);
        String exact = given().queryParam("q", few).when().get("/console/tickets").then().statusCode(200)
                .extract().asString();
        assertThat(exact).contains("<span class=\"count\">3</span>", "<span class=\"count\" data-status=\"REPORTED\">3</span>",
                "共 3 张");
    }

    private static String ticketAbout(String text) {
        Map<String, Object> body = new HashMap<>(intake("sewer-blockage", "huaiyuan", null));
        body.put("description", "北区" + text + "冒水");
        return create(body).then().statusCode(201).extract().path("code");
    }

    /** Copies of a ticket under new codes, written straight into the table: a thousand intakes would take minutes. */
    private void copy(String code, int copies) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < copies; i++) {
                em.createNativeQuery("insert into ticket (code, version, category_id, priority, status, channel,"
                        + " description, reporter_name, reporter_phone, street_office_id, community_id, reported_at,"
                        + " dispatch_due_at, due_at, report_count, reopen_count, updated_at)"
                        + " select ?1, 0, category_id, priority, 'REPORTED', channel, description, reporter_name,"
                        + " reporter_phone, street_office_id, community_id, reported_at, dispatch_due_at, due_at, 1, 0,"
                        + " updated_at from ticket where code = ?2")
                        .setParameter(1, "CAP-" + UUID.randomUUID().toString().substring(0, 18))
                        .setParameter(2, code).executeUpdate();
            }
        });
    }
}
