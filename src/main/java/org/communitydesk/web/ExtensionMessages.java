package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The ticket page's texts of extension requests (延期申请, issue 13 step 3), as {@code {extension:key}}:
 * {@code messages/extension.properties} (Chinese) and {@code extension_en.properties}. A bundle of its own: the page
 * bundle's generated class is at the size the JVM still verifies. Flash keys starting with {@code extension} are
 * read from here.
 */
@MessageBundle(value = "extension", locale = "zh")
public interface ExtensionMessages {

    @Message
    String extensionTitle();

    @Message
    String extensionRequestTitle();

    @Message
    String extensionRequestHint(String due);

    @Message
    String extensionNewDueAt();

    @Message
    String extensionReason();

    @Message
    String extensionRequestButton();

    @Message
    String extensionPending(String organization, String by, String at, String requested);

    @Message
    String extensionDecisionTitle();

    @Message
    String extensionDecisionNote();

    @Message
    String extensionDecisionHint();

    @Message
    String extensionApproveButton();

    @Message
    String extensionRejectButton();

    @Message
    String extensionApprovedLine(String requested, String by, String at);

    @Message
    String extensionRejectedLine(String requested, String by, String at);

    @Message
    String extensionOriginalDueAt();

    /** Flash: the request is sent. */
    @Message
    String extensionRequested();

    /** Flash: the extension is approved. */
    @Message
    String extensionApproved();

    /** Flash: the extension is rejected. */
    @Message
    String extensionRejected();

    /** Flash: the new due time could not be read. */
    @Message
    String extensionBadTime();
}
