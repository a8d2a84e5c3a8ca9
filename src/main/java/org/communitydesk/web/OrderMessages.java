package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of work orders' steps on the pages (issue 13: accepting, and the steps after it), as {@code {order:key}}:
 * {@code messages/order.properties} (Chinese) and {@code order_en.properties}. A bundle of its own, as the page
 * bundle's generated class is near the size the JVM verifies. Flash keys starting with {@code order} are read from here.
 */
@MessageBundle(value = "order", locale = "zh")
public interface OrderMessages {

    @Message
    String actionAccept();

    @Message
    String acceptHint();

    @Message
    String acceptFor();

    @Message
    String orderAccepted();

    @Message
    String assignmentAccepted(String at);

    @Message
    String assignmentAwaiting(String due);

    @Message
    String assignmentAwaitingLate(String due);

    @Message
    String dashAcceptedWithinTarget();

    @Message
    String dashAcceptedWithinTargetDefinition();
}
