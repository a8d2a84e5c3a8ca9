package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the forms' messages ({@code {form:key}} in templates): what a refused or stale form says, the
 * confirmations of actions that cannot be undone, the residents' feedback form. The texts live in
 * {@code messages/form.properties} (Chinese) and {@code messages/form_en.properties}; MessageBundlesTest keeps
 * them in step. A bundle of its own: Qute's generated resolver for one bundle of this many keys fails to verify.
 */
@MessageBundle(value = "form", locale = "zh")
public interface FormMessages {

    @Message
    String fieldResolved();

    @Message
    String violationLine(String field, String wrong);

    @Message
    String violationRequired();

    @Message
    String violationTooLong(int max);

    @Message
    String violationRange();

    @Message
    String violationInvalid();

    @Message
    String violationSomeField();

    @Message
    String dashReversed(String from, String to);

    @Message
    String dashTooLong(int days);

    @Message
    String dashNotADate(String field);

    @Message
    String dashOutsideArea();

    @Message
    String confirmCancel();

    @Message
    String confirmClose();

    @Message
    String confirmAccessCode();

    @Message
    String staleTitle();

    @Message
    String staleStatusNow(String status);

    @Message
    String staleChanges();

    @Message
    String statusFeedbackTitle();

    @Message
    String statusFeedbackIntro(String deadline);

    @Message
    String statusFeedbackRating();

    @Message
    String statusFeedbackResolved();

    @Message
    String statusFeedbackComment();

    @Message
    String statusFeedbackAccessCode();

    @Message
    String statusFeedbackSubmit();

    @Message
    String statusFeedbackGiven(int rating, String resolved, String when);

    @Message
    String statusFeedbackThanks();

    @Message
    String statusFeedbackInvalid();

    @Message
    String statusFeedbackRefused();

    @Message
    String statusBlocked();

    @Message
    String statusOfficePhone(String community, String phone);

    @Message
    String statusOfficePhoneLabel();

    @Message
    String loginFormKept();

    @Message
    String ratingChoose();

    @Message
    String intakeDraftBack();
}
