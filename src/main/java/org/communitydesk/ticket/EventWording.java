package org.communitydesk.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communitydesk.ticket.Ticket.AssignmentOrder;

/**
 * What the system writes on a timeline: a {@link Wording} and its parameters, stored with the event (the
 * parameters as a JSON object) and rendered in the reader's language by {@link EventTexts}. Only the system's
 * part is here; what people typed (a note, a resolution, a caller's words) stays in the event's note as typed.
 * Organizations are stored with the names they had, in both languages, so an old line reads as it happened.
 */
record EventWording(Wording key, Map<String, Object> params) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static EventWording of(Wording key) {
        return new EventWording(key, Map.of());
    }

    static EventWording reported(Channel channel) {
        return new EventWording(Wording.REPORTED, Map.of("channel", channel.name()));
    }

    static EventWording furtherReport(int reportNumber, Channel channel) {
        return new EventWording(Wording.FURTHER_REPORT, ordered("number", reportNumber, "channel", channel.name()));
    }

    static EventWording assigned(List<AssignmentOrder> orders) {
        return new EventWording(Wording.ASSIGNED, Map.of("assignments", assignments(orders)));
    }

    static EventWording reassigned(List<AssignmentOrder> before, List<AssignmentOrder> after) {
        return new EventWording(Wording.REASSIGNED, ordered("before", assignments(before), "after", assignments(after)));
    }

    static EventWording accepted(org.communitydesk.directory.Organization organization, AssignmentRole role) {
        return new EventWording(Wording.ACCEPTED, assignments(List.of(new AssignmentOrder(organization, role))).get(0));
    }

    static EventWording returned(org.communitydesk.directory.Organization organization, ReturnReason reason) {
        Map<String, Object> params = assignments(List.of(new AssignmentOrder(organization, AssignmentRole.LEAD))).get(0);
        params.remove("role");
        params.put("reason", reason.name());
        return new EventWording(Wording.RETURNED, params);
    }

    /** An extension's due time: as an instant, and as the installation's local time it was written in. */
    static EventWording extension(Wording key, java.time.Instant dueAt, java.time.ZoneId zone) {
        return new EventWording(key, ordered("dueAt", dueAt.toString(), "local",
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(dueAt.atZone(zone))));
    }

    static EventWording urged(org.communitydesk.directory.Organization organization) {
        return new EventWording(Wording.URGED, assignments(List.of(new AssignmentOrder(organization, AssignmentRole.LEAD))).get(0));
    }

    static EventWording paused(PauseReason reason) {
        return new EventWording(Wording.PAUSED, Map.of("reason", reason.name()));
    }

    static EventWording resumed(PauseReason reason) {
        return new EventWording(Wording.RESUMED, Map.of("reason", reason.name()));
    }

    /** Null without a root cause: the event's note, the resolution as typed, says it all. */
    static EventWording resolved(String rootCause) {
        return rootCause == null ? null : new EventWording(Wording.RESOLVED_WITH_CAUSE, Map.of("cause", rootCause));
    }

    /** Staff took the first intake photo's GPS position as the ticket's (a line for staff only). */
    static EventWording positionFromPhoto(double latitude, double longitude) {
        return new EventWording(Wording.POSITION_FROM_PHOTO, ordered("latitude",
                String.format(java.util.Locale.ROOT, "%.5f", latitude), "longitude",
                String.format(java.util.Locale.ROOT, "%.5f", longitude)));
    }

    /** The reason, as the ADMIN typed it, is the event's note. */
    static EventWording photoRemoved(long number) {
        return new EventWording(Wording.PHOTO_REMOVED, Map.of("number", number));
    }

    static EventWording cancelled(CancelReason reason, String originalCode) {
        return new EventWording(Wording.CANCELLED, originalCode == null ? Map.of("reason", reason.name())
                : ordered("reason", reason.name(), "original", originalCode));
    }

    static EventWording feedback(int rating, boolean resolved, FeedbackSource source, String recordedBy) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (source == FeedbackSource.FOLLOW_UP_CALL) {
            params.put("recordedBy", recordedBy);
        }
        params.put("rating", rating);
        params.put("resolved", resolved);
        return new EventWording(source == FeedbackSource.FOLLOW_UP_CALL ? Wording.FOLLOW_UP_FEEDBACK
                : Wording.RESIDENT_FEEDBACK, params);
    }

    static EventWording delivery(boolean sent, String channel, String recipient, String kind, String error) {
        Map<String, Object> params = ordered("channel", channel, "recipient", recipient);
        params.put("kind", kind);
        if (!sent) {
            params.put("error", error);
        }
        return new EventWording(sent ? Wording.NOTIFICATION_SENT : Wording.NOTIFICATION_FAILED, params);
    }

    /** The parameters as stored; null when there are none. */
    String paramsJson() {
        if (params.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Wording parameters of " + key + " cannot be written", e);
        }
    }

    /** The parameters of a stored event; empty when there are none. */
    static Map<String, Object> params(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored wording parameters are not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Map<String, Object>> assignments(List<AssignmentOrder> orders) {
        return orders.stream().map(o -> {
            Map<String, Object> one = ordered("code", o.organization().code, "zh", o.organization().nameZh);
            one.put("en", o.organization().nameEn);
            one.put("role", o.role().name());
            return one;
        }).toList();
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
