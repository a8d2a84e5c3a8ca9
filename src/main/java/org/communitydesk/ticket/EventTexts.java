package org.communitydesk.ticket;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline line in the reader's language: what the system wrote ({@link Wording} and its parameters) in
 * words of {@link TimelineTexts}, with what people typed (the note) as typed. Chinese, the office's language, is
 * the default; English is the other. Rows from before the wording was stored (a dispatch to several organizations,
 * say) have no wording and are shown as stored.
 */
public final class EventTexts {

    /** The language for a reader whose Accept-Language asks for nothing we have. */
    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    /** The OpenAPI description of the Accept-Language header of every operation that answers with a timeline. */
    public static final String ACCEPT_LANGUAGE_DOC = "The language of what the system wrote on the timeline: zh (the "
            + "default) or en, by the usual weights (en;q=0.9 and the like). Text people typed is returned as typed.";

    private EventTexts() {
    }

    /** English if the Accept-Language header prefers it to Chinese, by the client's weights; else Chinese. */
    public static Locale forAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("zh", "en"));
            return "en".equals(best) ? Locale.ENGLISH : DEFAULT;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    /** The whole line of an event: the system's words and the note; null when there is neither. */
    public static String text(TicketEvent event, Locale locale) {
        if (event.wording == null) {
            return event.note;
        }
        boolean english = isEnglish(locale);
        TimelineTexts words = english ? MessageBundles.get(TimelineTexts.class, Localized.Literal.of("en"))
                : MessageBundles.get(TimelineTexts.class);
        Map<String, Object> params = EventWording.params(event.wordingParams);
        String note = event.note;
        return switch (event.wording) {
            case REPORTED -> withWords(words, words.reported(channel(words, params.get("channel"))), note);
            case FURTHER_REPORT -> withWords(words, words.furtherReport(integer(params.get("number")),
                    channel(words, params.get("channel"))), note);
            case ASSIGNED -> withWords(words, assignments(words, params.get("assignments"), english), note);
            case REASSIGNED -> withWords(words, words.reassigned(assignments(words, params.get("before"), english),
                    assignments(words, params.get("after"), english)), note);
            case RESOLVED_WITH_CAUSE -> words.resolvedWithCause(note == null ? "" : note, string(params.get("cause")));
            case CANCELLED -> withWords(words, params.get("original") != null
                    ? words.cancelledAsDuplicate(string(params.get("original")))
                    : words.cancelled(cancelReason(words, params.get("reason"))), note);
            case RESIDENT_FEEDBACK -> withWords(words, words.residentFeedback(integer(params.get("rating")),
                    verdict(words, params.get("resolved"))), note);
            case FOLLOW_UP_FEEDBACK -> withWords(words, words.followUpFeedback(string(params.get("recordedBy")),
                    integer(params.get("rating")), verdict(words, params.get("resolved"))), note);
            case REOPENED_BY_RESIDENT -> withWords(words, words.reopenedByResident(), note);
            case CLOSED_AUTOMATICALLY -> withWords(words, words.closedAutomatically(), note);
            case ACCESS_CODE_REISSUED -> withWords(words, words.accessCodeReissued(), note);
            case MESSAGES_STOPPED -> withWords(words, words.messagesStopped(), note);
            case ACCESS_BLOCKS_LIFTED -> withWords(words, words.accessBlocksLifted(), note);
            case PHOTO_ADDED -> withWords(words, words.photoAdded(), note);
            case AT_RISK -> withWords(words, words.atRisk(), note);
            case OVERDUE -> withWords(words, words.overdue(), note);
            case POSITION_FROM_PHOTO -> withWords(words, words.positionFromPhoto(string(params.get("latitude")),
                    string(params.get("longitude"))), note);
            case PHOTO_REMOVED -> withWords(words, words.photoRemoved(integer(params.get("number"))), note);
            case NOTIFICATION_SENT -> withWords(words, words.notificationSent(deliveryChannel(words, params.get("channel")),
                    string(params.get("recipient")), string(params.get("kind"))), note);
            case ACCEPTED -> withWords(words, words.accepted(name(params, english)), note);
            case RETURNED -> withWords(words, words.returned(name(params, english),
                    returnReason(words, string(params.get("reason")))), note);
            case EXTENSION_REQUESTED -> withWords(words, words.extensionRequested(string(params.get("local"))), note);
            case EXTENSION_APPROVED -> withWords(words, words.extensionApproved(string(params.get("local"))), note);
            case EXTENSION_REJECTED -> withWords(words, words.extensionRejected(string(params.get("local"))), note);
            case URGED -> withWords(words, words.urged(name(params, english)), note);
            case PAUSED -> withWords(words, words.paused(pauseReason(words, params.get("reason"))), note);
            case RESUMED -> withWords(words, words.resumed(), note);
            case NOTIFICATION_FAILED -> withWords(words, words.notificationFailed(deliveryChannel(words, params.get("channel")),
                    string(params.get("recipient")), string(params.get("kind")), string(params.get("error"))), note);
        };
    }

    /** The fixed words in which Open311 tells a move (it publishes no generated text); null for other events. */
    public static String move(EventType type, Locale locale) {
        TimelineTexts words = isEnglish(locale) ? MessageBundles.get(TimelineTexts.class, Localized.Literal.of("en"))
                : MessageBundles.get(TimelineTexts.class);
        return switch (type) {
            case REPORTED -> words.moved_REPORTED();
            case DISPATCHED -> words.moved_DISPATCHED();
            case REASSIGNED -> words.moved_REASSIGNED();
            case STARTED -> words.moved_STARTED();
            case RESOLVED -> words.moved_RESOLVED();
            case CLOSED -> words.moved_CLOSED();
            case CANCELLED -> words.moved_CANCELLED();
            case REOPENED -> words.moved_REOPENED();
            default -> null;
        };
    }

    private static String pauseReason(TimelineTexts words, Object reason) {
        return "WAITING_FOR_THIRD_PARTY".equals(reason) ? words.pauseReason_WAITING_FOR_THIRD_PARTY()
                : words.pauseReason_WAITING_FOR_RESIDENT();
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String withWords(TimelineTexts words, String text, String note) {
        return note == null ? text : words.withWords(text, note);
    }

    @SuppressWarnings("unchecked")
    private static String assignments(TimelineTexts words, Object stored, boolean english) {
        List<Map<String, Object>> list = stored instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        if (list.isEmpty()) {
            return words.nobody();
        }
        return list.stream().map(a -> words.assignment(name(a, english),
                "LEAD".equals(a.get("role")) ? words.roleLead() : words.roleSupport()))
                .reduce(words::listMore).orElseThrow();
    }

    /** The organization's name in the reader's language; the Chinese name where it has no English one. */
    private static String name(Map<String, Object> organization, boolean english) {
        Object en = organization.get("en");
        if (english && en instanceof String s && !s.isBlank()) {
            return s;
        }
        Object zh = organization.get("zh");
        return zh != null ? zh.toString() : string(organization.get("code"));
    }

    private static String channel(TimelineTexts words, Object stored) {
        String name = string(stored);
        return switch (name) {
            case "PHONE" -> words.channel_PHONE();
            case "WALK_IN" -> words.channel_WALK_IN();
            case "HOTLINE_12345" -> words.channel_HOTLINE_12345();
            case "WEB" -> words.channel_WEB();
            case "OPEN311" -> words.channel_OPEN311();
            default -> name;
        };
    }

    private static String cancelReason(TimelineTexts words, Object stored) {
        String name = string(stored);
        return switch (name) {
            case "DUPLICATE" -> words.cancelReason_DUPLICATE();
            case "WITHDRAWN" -> words.cancelReason_WITHDRAWN();
            case "OUT_OF_SCOPE" -> words.cancelReason_OUT_OF_SCOPE();
            case "INVALID" -> words.cancelReason_INVALID();
            default -> name;
        };
    }

    /** A reason of a return (退单) in the reader's language: the timeline's, the pages' and the notices' words. */
    public static String returnReason(ReturnReason reason, Locale locale) {
        TimelineTexts words = isEnglish(locale) ? MessageBundles.get(TimelineTexts.class, Localized.Literal.of("en"))
                : MessageBundles.get(TimelineTexts.class);
        return returnReason(words, reason.name());
    }

    private static String returnReason(TimelineTexts words, String name) {
        return switch (name) {
            case "NOT_OUR_JURISDICTION" -> words.returnReason_NOT_OUR_JURISDICTION();
            case "WRONG_ADDRESS" -> words.returnReason_WRONG_ADDRESS();
            case "NEEDS_ANOTHER_AGENCY" -> words.returnReason_NEEDS_ANOTHER_AGENCY();
            case "DUPLICATE" -> words.returnReason_DUPLICATE();
            default -> name;
        };
    }

    private static String deliveryChannel(TimelineTexts words, Object stored) {
        String name = string(stored);
        return switch (name) {
            case "SMS" -> words.deliveryChannel_SMS();
            case "WECOM" -> words.deliveryChannel_WECOM();
            case "DINGTALK" -> words.deliveryChannel_DINGTALK();
            case "EMAIL" -> words.deliveryChannel_EMAIL();
            case "WEBHOOK" -> words.deliveryChannel_WEBHOOK();
            default -> name;
        };
    }

    private static String verdict(TimelineTexts words, Object resolved) {
        return Boolean.TRUE.equals(resolved) ? words.verdictResolved() : words.verdictNotResolved();
    }

    private static int integer(Object stored) {
        return stored instanceof Number n ? n.intValue() : Integer.parseInt(string(stored));
    }

    private static String string(Object stored) {
        return stored == null ? "" : stored.toString();
    }
}
