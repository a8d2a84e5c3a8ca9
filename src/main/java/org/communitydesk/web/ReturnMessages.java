package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.communitydesk.ticket.ReturnReason;

/**
 * The texts of returning an order (退单) and of the "needs me" view on the pages (issue 13), as {@code {returns:key}}:
 * {@code messages/returns.properties} (Chinese) and {@code returns_en.properties}. A bundle of its own, as the page
 * bundle's generated class is at the size the JVM verifies. The flash key {@code returnsDone} is read from here.
 */
@MessageBundle(value = "returns", locale = "zh")
public interface ReturnMessages {

    /** The badge of a returned ticket waiting to be dispatched again. */
    @Message
    String returnedBadge();

    /** The reason of a return; keys reason_$NOT_OUR_JURISDICTION, ... */
    @Message
    String reason(ReturnReason reason);

    @Message
    String actionReturn();

    @Message
    String returnHint();

    @Message
    String fieldReturnReason();

    @Message
    String fieldReturnComment();

    @Message
    String returnsDone();

    /** The ticket page's notice while the ticket waits: who returned it, when, why, and what they wrote. */
    @Message
    String returnedBy(String organization, String at, String reason);

    @Message
    String returnedWaits();

    @Message
    String needsMe();

    @Message
    String needsMeAll();

    @Message
    String needsMeContractor();

    @Message
    String needsMeOffice();

    @Message
    String needsMeEmpty();

    @Message
    String returnedOnly();
}
