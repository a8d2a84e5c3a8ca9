package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.TicketStatus;

/**
 * Every label of the pages, used in templates as {@code {msg:key}}. The texts live in
 * {@code messages/msg.properties} (Chinese, the default: the build fails when a key is missing
 * there) and {@code messages/msg_en.properties} (English: MessageBundlesTest fails when its keys
 * differ). A key is the method's name: {@code statusTitle()} is {@code statusTitle} in the files and
 * {@code {msg:statusTitle}} in templates.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface PageMessages {

    // --- Every page (layout.html) ----------------------------------------------------------------
    /** The value of {@code <html lang>}, and which language the switch marks as current. */
    @Message
    String htmlLang();

    @Message
    String appName();

    @Message
    String languageSwitch();

    @Message
    String langZh();

    @Message
    String langEn();

    @Message
    String footer();

    @Message
    String notYet();

    // --- Names of enum constants: keys are ticketStatus_$IN_PROGRESS, eventType_$NOTE, ... -------------
    @Message
    String ticketStatus(TicketStatus status);

    @Message
    String eventType(EventType type);

    // --- The residents' status page (resident.StatusPageResource) -------------------------------------
    @Message
    String statusTitle();

    @Message
    String statusIntro();

    @Message
    String statusCode();

    @Message
    String statusCodeHint();

    @Message
    String statusAccessCode();

    @Message
    String statusAccessCodeHint();

    @Message
    String statusSubmit();

    @Message
    String statusMissingInput();

    @Message
    String statusNotFound();

    @Message
    String statusNotFoundHint();

    @Message
    String statusTooMany(long seconds);

    @Message
    String statusTicketTitle(String code);

    @Message
    String statusCurrent();

    @Message
    String statusCategory();

    @Message
    String statusCommunity();

    @Message
    String statusSite();

    @Message
    String statusLead();

    @Message
    String statusReportedAt();

    @Message
    String statusDispatchedAt();

    @Message
    String statusResolvedAt();

    @Message
    String statusClosedAt();

    @Message
    String statusDueAt();

    @Message
    String statusTimeline();

    @Message
    String statusNoEvents();

    @Message
    String statusAnother();
}
