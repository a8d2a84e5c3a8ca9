package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The queue's text search finds exactly what ILIKE finds, on H2 through ticket_text_gram (V38) when the term's
 * rarest gram is rare enough and by reading the newest tickets otherwise; on PostgreSQL through its trigram indexes.
 */
@QuarkusTest
class TextGramSearchTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    private final String token = "gr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void theSearchFindsWhatIlikeFindsInAnyCaseAndScript() {
        List<String> descriptions = List.of(token + " 居民反映下水井冒水，油污堵塞",
                "Οδός " + token + " ΣΤΟΆ τελικός",
                token + " İstanbul Iğdır straße STRASSE",
                "ǅemal ǄǆǄ " + token + " ﬀ Ḟ",
                "报修：" + token + "号楼电梯停运（CD-1999-000123）");
        Map<String, String> codes = new LinkedHashMap<>();
        for (String description : descriptions) {
            codes.put(report(description, "3单元" + token.toUpperCase(Locale.ROOT)), description);
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String text : codes.values()) {
            for (int length : new int[] {3, 4, 6}) {
                for (int start = 0; start + length <= text.length(); start += 3) {
                    String term = text.substring(start, start + length).strip();
                    terms.add(term);
                    terms.add(term.toUpperCase(Locale.ROOT));
                    terms.add(term.toLowerCase(Locale.ROOT));
                }
            }
        }
        terms.add("3单元" + token);
        terms.add(token.substring(3).toUpperCase(Locale.ROOT));
        // Digits alone also name a tracking code (CD-<year>-000123), which this comparison leaves out.
        terms.removeIf(term -> term.length() < 3 || term.contains("%") || term.contains("_") || term.contains("!")
                || term.matches("\\d+"));

        List<String> differences = new ArrayList<>();
        for (String term : terms) {
            Set<String> expected = ilike(term, codes.keySet());
            Set<String> found = new LinkedHashSet<>(search(term));
            found.retainAll(codes.keySet());
            if (!found.equals(expected)) {
                differences.add(term + ": ILIKE " + expected + ", search " + found);
            }
        }
        assertThat(terms).hasSizeGreaterThan(100);
        assertThat(differences).isEmpty();
    }

    @Test
    void aChangedDescriptionIsFoundByItsNewTextOnly() {
        String code = report(token + " 旧的描述文字", null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ticket set description = ?1 where code = ?2")
                .setParameter(1, token + " 新的描述文字").setParameter(2, code).executeUpdate());

        assertThat(search(token + " 新的")).containsExactly(code);
        assertThat(search("新的描述文字")).contains(code);
        assertThat(search(token + " 旧的")).isEmpty();
        if (h2()) {
            long id = ticketId(code);
            assertThat(gramKeys(id)).isEqualTo(TextGrams.hashes(token + " 新的描述文字", "2号楼").length);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update ticket set address_detail = null where id = ?1").setParameter(1, id).executeUpdate());
            assertThat(gramKeys(id)).isEqualTo(TextGrams.hashes(token + " 新的描述文字").length);
        }
    }

    @Test
    void eachTicketHasOneKeyPerGramOfItsDescriptionAndAddressOnH2() {
        assumeTrue(h2(), "ticket_text_gram is filled on H2 only");
        String description = "居民反映" + token + "下水井冒水，居民反映";
        String code = report(description, "7号楼 " + token);
        long id = ticketId(code);

        assertThat(gramKeys(id)).isEqualTo(TextGrams.hashes(description, "7号楼 " + token).length)
                .isLessThan(description.length() - 2 + ("7号楼 " + token).length() - 2);
    }

    @Test
    void aRareTermIsLookedUpInTheGramsAndACodeBesideThemOnH2() {
        assumeTrue(h2(), "ticket_text_gram is read on H2 only");
        String code = report("井盖松动" + token, null);
        assertThat(search(token)).containsExactly(code);
        long id = ticketId(code);
        // Without its grams the ticket is out of a rare term's reach: the search read the grams, not the rows.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from ticket_text_gram"
                + " where bitand(gram_key, " + TextGrams.MAX_TICKET_ID + ") = ?1").setParameter(1, id).executeUpdate());

        assertThat(search(token, 150)).as("asked anew, not the page kept from before").isEmpty();
        assertThat(search(code.toLowerCase(Locale.ROOT))).containsExactly(code);
        assertThat(search(code.substring(code.lastIndexOf('-') + 1))).contains(code);
    }

    @Test
    void aTermMadeOfCommonGramsIsFoundByReadingTheNewestTicketsOnH2() {
        assumeTrue(h2(), "ticket_text_gram is read on H2 only");
        String common = "泛泛泛";
        long hash = TextGrams.hashes(common)[0];
        String code = report("管道" + common + token, null);
        // More tickets than NARROW_ENOUGH hold the gram: keys of tickets that do not exist, far above any real id.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into ticket_text_gram (gram_key)"
                + " select ?1 + x from system_range(1, ?2)")
                .setParameter(1, TextGrams.first(hash) + 100_000_000_000L)
                .setParameter(2, TicketTextGram.NARROW_ENOUGH + 1).executeUpdate());
        try {
            assertThat(QuarkusTransaction.requiringNew().call(() -> TicketTextGram.narrowest(common))).isEmpty();
            assertThat(QuarkusTransaction.requiringNew().call(() -> TicketTextGram.narrowest(common + token)))
                    .isPresent();
            assertThat(search(common)).contains(code);
            assertThat(search(common + token)).containsExactly(code);
            assertThat(search("管道" + common)).contains(code);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from ticket_text_gram"
                    + " where gram_key > ?1 and gram_key <= ?2")
                    .setParameter(1, TextGrams.first(hash) + 100_000_000_000L)
                    .setParameter(2, TextGrams.first(hash) + TextGrams.MAX_TICKET_ID).executeUpdate());
        }
    }

    private boolean h2() {
        return "h2".equals(databaseKind);
    }

    private static String report(String description, String addressDetail) {
        Map<String, Object> body = intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("description", description);
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) body.get("location");
        if (addressDetail != null) {
            location.put("addressDetail", addressDetail);
        }
        return create(body).then().statusCode(201).extract().path("code");
    }

    private static List<String> search(String term) {
        return search(term, 200);
    }

    private static List<String> search(String term, int size) {
        return given().queryParam("q", term).queryParam("size", size).when().get("/api/tickets").then()
                .statusCode(200).extract().jsonPath().getList("items.code");
    }

    @SuppressWarnings("unchecked")
    private Set<String> ilike(String term, Set<String> among) {
        return QuarkusTransaction.requiringNew().call(() -> new LinkedHashSet<>((List<String>) em.createNativeQuery(
                "select code from ticket where code in (?1) and (description ilike ?2 or address_detail ilike ?2)")
                .setParameter(1, among).setParameter(2, "%" + term + "%").getResultList()));
    }

    private long ticketId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from ticket where code = ?1").setParameter(1, code).getSingleResult()).longValue());
    }

    private long gramKeys(long ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from ticket_text_gram where bitand(gram_key, " + TextGrams.MAX_TICKET_ID + ") = ?1")
                .setParameter(1, ticketId).getSingleResult()).longValue());
    }
}
