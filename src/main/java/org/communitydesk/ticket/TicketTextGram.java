package org.communitydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.OptionalLong;

/**
 * One gram of one ticket's text (V38, {@link TextGrams}), written only by H2's trigger and read only by the
 * queue's text search on H2.
 */
@Entity
@Table(name = "ticket_text_gram")
public class TicketTextGram extends PanacheEntityBase {

    /**
     * A gram held by more tickets than this narrows too little to be worth it: such a gram is common, the search
     * term usually is too, and reading the newest tickets until a page is full is quicker.
     */
    static final int NARROW_ENOUGH = 5_000;
    /** At most this many of a long term's grams are counted. */
    private static final int PROBES = 8;

    @Id
    @Column(name = "gram_key")
    public Long gramKey;

    /**
     * Of the grams a search for this text relies on ({@link TextGrams#searchHashes}), the one the fewest tickets
     * hold, if that is at most {@link #NARROW_ENOUGH}; each is counted only that far.
     */
    static OptionalLong narrowest(String text) {
        long[] hashes = TextGrams.searchHashes(text);
        long best = -1;
        long fewest = Long.MAX_VALUE;
        int step = Math.max(1, hashes.length / PROBES);
        for (int i = 0; i < hashes.length && i / step < PROBES; i += step) {
            long first = TextGrams.first(hashes[i]);
            long count = ((Number) getEntityManager().createNativeQuery("select count(*) from (select 1 from"
                    + " ticket_text_gram where gram_key between ?1 and ?2 fetch first ?3 rows only) g")
                    .setParameter(1, first).setParameter(2, first + TextGrams.MAX_TICKET_ID)
                    .setParameter(3, NARROW_ENOUGH + 1).getSingleResult()).longValue();
            if (count < fewest) {
                fewest = count;
                best = hashes[i];
            }
            if (count == 0) {
                break;
            }
        }
        return fewest <= NARROW_ENOUGH ? OptionalLong.of(best) : OptionalLong.empty();
    }
}
