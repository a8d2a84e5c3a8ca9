package org.communitydesk.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.common.AppConfig;
import org.communitydesk.directory.Organization;
import org.communitydesk.security.AppUser;
import org.communitydesk.security.Role;
import org.communitydesk.ticket.Assignment;
import org.communitydesk.ticket.AssignmentRole;
import org.communitydesk.ticket.EventTexts;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketEvent;
import org.communitydesk.ticket.TicketEvents;
import org.communitydesk.ticket.TicketReturn;
import org.communitydesk.ticket.Visibility;
import org.jboss.logging.Logger;

/**
 * Decides who hears about a ticket's change and writes their messages to the outbox, in the transaction of the
 * change: observers of {@link TicketEvents} run synchronously inside it, so a change that rolls back leaves no
 * message and a committed one cannot lose its messages. Sending is {@link Delivery}'s job.
 *
 * <ul>
 * <li>Resident (text message, only if they agreed at intake and have not stopped it): logged (with both codes,
 * once), dispatched, resolved (with the feedback request and its 7-day window), reopened, closed automatically.</li>
 * <li>Organization (its registered targets): dispatched to you; at risk (the escalation job's mark); urged by a
 * supervisor (督办; the note stays in the console); overdue ({@link OverdueNotices}); the decision on its extension
 * request; an order it returned (退单) accepted by the organization that now leads it.</li>
 * <li>Supervisors (the street office's targets): the resident says it is not resolved; overdue; an order returned
 * (退单) by its lead organization; an extension request to decide.</li>
 * </ul>
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    NotificationConfig config;

    @Inject
    AppConfig appConfig;

    @Inject
    Channels channels;

    @Inject
    ObjectMapper json;

    void onEvent(@Observes TicketEvents.Recorded recorded) {
        Ticket ticket = recorded.ticket();
        TicketEvent event = recorded.event();
        Instant at = event.occurredAt;
        NotificationTexts texts = texts();
        String link = statusLink(ticket);
        if (event.type != EventType.OVERDUE) {
            // OVERDUE goes to webhooks from OverdueNotices, once per deadline, as it always has.
            toWebhooks(ticket, event.type.name(), event.visibility == Visibility.PUBLIC ? event.text(EventTexts.DEFAULT) : null,
                    at, newKey(), false);
        }
        switch (event.type) {
            case DISPATCHED -> {
                toResident(ticket, "resident-dispatched", texts.residentDispatched(ticket.code, link), null, at);
                toNewlyAssigned(ticket, at);
            }
            case REASSIGNED -> toNewlyAssigned(ticket, at);
            case RESOLVED -> toResident(ticket, "resident-resolved",
                    texts.residentResolved(ticket.code, local(at.plus(Ticket.FEEDBACK_WINDOW)), link), null, at);
            case REOPENED -> {
                toResident(ticket, "resident-reopened", texts.residentReopened(ticket.code, link), null, at);
                if (event.isReopenedByResident()) {
                    String text = texts.supervisorNotResolved(ticket.code, category(ticket), place(ticket),
                            lead(ticket, texts), consoleLink(ticket));
                    toTargets(ticket, Audience.SUPERVISOR, ticket.streetOffice.code, "supervisor-not-resolved", text,
                            at, newKey(), false);
                }
            }
            case RETURNED -> {
                TicketReturn returned = ticket.latestReturn();
                if (returned != null) {
                    String organization = english() ? returned.organization.nameEn : returned.organization.nameZh;
                    String text = texts.supervisorReturned(ticket.code, category(ticket), place(ticket), organization,
                            EventTexts.returnReason(returned.reason, english() ? Locale.ENGLISH : EventTexts.DEFAULT),
                            consoleLink(ticket));
                    toTargets(ticket, Audience.SUPERVISOR, ticket.streetOffice.code, "supervisor-returned", text, at,
                            newKey(), false);
                }
            }
            case ACCEPTED -> toOrganizationsThatReturned(ticket, at, texts);
            case AT_RISK -> {
                if (ticket.leadOrganization != null) {
                    toTargets(ticket, Audience.ORGANIZATION, ticket.leadOrganization.code, "organization-at-risk",
                            texts.organizationAtRisk(ticket.code, category(ticket), place(ticket), local(ticket.dueAt),
                                    consoleLink(ticket)),
                            at, "at-risk/" + ticket.code + "/" + ticket.dueAt.getEpochSecond() + "/organization", true);
                }
            }
            case EXTENSION_REQUESTED -> ticket.pendingExtension().ifPresent(asked -> toTargets(ticket,
                    Audience.SUPERVISOR, ticket.streetOffice.code, "supervisor-extension-requested",
                    texts.supervisorExtensionRequested(ticket.code, category(ticket), place(ticket), lead(ticket, texts),
                            local(asked.dueAtBefore), local(asked.requestedDueAt), consoleLink(ticket)),
                    at, newKey(), false));
            case EXTENSION_APPROVED, EXTENSION_REJECTED -> ticket.extensions().stream()
                    .filter(e -> e.decidedAt != null && e.decidedAt.equals(at)).findFirst()
                    .ifPresent(decided -> toTargets(ticket, Audience.ORGANIZATION, decided.organization.code,
                            "organization-extension-decided",
                            event.type == EventType.EXTENSION_APPROVED
                                    ? texts.organizationExtensionApproved(ticket.code, category(ticket), place(ticket),
                                            local(decided.requestedDueAt), consoleLink(ticket))
                                    : texts.organizationExtensionRejected(ticket.code, category(ticket), place(ticket),
                                            local(decided.requestedDueAt), local(ticket.dueAt), consoleLink(ticket)),
                            at, newKey(), false));
            case URGED -> {
                // The organization urged is the lead when the urging was made (the event is recorded then).
                if (ticket.leadOrganization != null) {
                    toTargets(ticket, Audience.ORGANIZATION, ticket.leadOrganization.code, "organization-urged",
                            texts.organizationUrged(ticket.code, category(ticket), place(ticket), local(ticket.dueAt),
                                    consoleLink(ticket)),
                            at, newKey(), false);
                }
            }
            case CLOSED -> {
                if (Ticket.SYSTEM.name().equals(event.actor)) {
                    toResident(ticket, "resident-closed-automatically",
                            texts.residentClosedAutomatically(ticket.code, link), null, at);
                }
            }
            default -> {
                // Other events tell nobody outside.
            }
        }
    }

    /**
     * The lead's acceptance of an order that other organizations returned (退单) tells each of them that the order is
     * taken on, so that nobody keeps it on their list. A supporting organization's acceptance tells nobody.
     */
    private void toOrganizationsThatReturned(Ticket ticket, Instant at, NotificationTexts texts) {
        Organization lead = ticket.leadOrganization;
        boolean leadAcceptedNow = lead != null && ticket.activeAssignments().stream()
                .anyMatch(a -> a.role == AssignmentRole.LEAD && at.equals(a.acceptedAt));
        if (!leadAcceptedNow) {
            return;
        }
        for (Organization returned : ticket.organizationsThatReturned()) {
            if (returned.id.equals(lead.id)) {
                continue;
            }
            toTargets(ticket, Audience.ORGANIZATION, returned.code, "organization-returned-accepted-elsewhere",
                    texts.organizationReturnedAcceptedElsewhere(ticket.code, category(ticket), place(ticket),
                            english() ? lead.nameEn : lead.nameZh, consoleLink(ticket)),
                    at, newKey(), false);
        }
    }

    /** The first access code exists only now: the resident's first message carries it (and no later one). */
    void onAccessCode(@Observes TicketEvents.AccessCodeGiven given) {
        Ticket ticket = given.ticket();
        toResident(ticket, "resident-logged",
                texts().residentLogged(ticket.code, Notification.ACCESS_CODE_MARK, statusLink(ticket)),
                given.accessCode(), given.at());
    }

    /**
     * The overdue notices of one ticket: once per deadline and target (the idempotency key names both, so a later
     * run, or a target registered later, adds only what is missing). Returns the messages written.
     */
    int overdue(Ticket ticket, Instant at) {
        String key = "overdue/" + ticket.code + "/" + ticket.dueAt.getEpochSecond();
        NotificationTexts texts = texts();
        String due = local(ticket.dueAt);
        int written = 0;
        if (ticket.leadOrganization != null) {
            written += toTargets(ticket, Audience.ORGANIZATION, ticket.leadOrganization.code, "organization-overdue",
                    texts.organizationOverdue(ticket.code, category(ticket), place(ticket), due, consoleLink(ticket)),
                    at, key + "/organization", true);
        }
        written += toTargets(ticket, Audience.SUPERVISOR, ticket.streetOffice.code, "supervisor-overdue",
                texts.supervisorOverdue(ticket.code, category(ticket), place(ticket), lead(ticket, texts), due,
                        consoleLink(ticket)), at, key + "/supervisor", true);
        written += toWebhooks(ticket, WebhookEvents.OVERDUE, null, at, key + "/webhook", true);
        return written;
    }

    private void toNewlyAssigned(Ticket ticket, Instant at) {
        NotificationTexts texts = texts();
        for (Assignment assignment : ticket.activeAssignments()) {
            if (!assignment.assignedAt.equals(at)) {
                continue;
            }
            Organization organization = assignment.organization;
            boolean lead = assignment.role == AssignmentRole.LEAD;
            for (NotificationTarget target : NotificationTarget.of(Audience.ORGANIZATION, organization.code)) {
                // The caller's name and phone only to the lead, and only where the target is allowed them.
                String caller = lead && target.personalData
                        ? texts.callerLine(ticket.reporterName, ticket.reporterPhone == null ? "-" : ticket.reporterPhone)
                        : "";
                String text = texts.organizationDispatched(ticket.code, category(ticket), place(ticket),
                        summary(ticket), caller, consoleLink(ticket));
                write(ticket, "organization-dispatched", Audience.ORGANIZATION, target, text, at,
                        newKey() + "/" + target.id);
            }
            // E-mail never carries the caller: a mailbox is read more widely than the lead's own robot.
            String text = texts.organizationDispatched(ticket.code, category(ticket), place(ticket), summary(ticket), "",
                    consoleLink(ticket));
            for (AppUser user : mailable(Audience.ORGANIZATION, organization.code)) {
                writeEmail(ticket, "organization-dispatched", Audience.ORGANIZATION, user, text, at,
                        newKey() + "/email/" + user.id);
            }
        }
    }

    /** The users of an organization (contractors) or a street office (supervisors) with an e-mail address. */
    private List<AppUser> mailable(Audience audience, String owner) {
        if (!channels.configured(ChannelKind.EMAIL)) {
            return List.of();
        }
        return audience == Audience.ORGANIZATION
                ? AppUser.list("role = ?1 and organization.code = ?2 and enabled = true and email is not null order by id",
                        Role.CONTRACTOR, owner)
                : AppUser.list("role = ?1 and streetOffice.code = ?2 and enabled = true and email is not null order by id",
                        Role.SUPERVISOR, owner);
    }

    private void writeEmail(Ticket ticket, String kind, Audience audience, AppUser user, String text, Instant at,
            String key) {
        new Notification(key, ticket.code, kind, audience, ChannelKind.EMAIL, user.email, null, text, null, at).persist();
    }

    /**
     * One signed JSON document per webhook that wants the event type. The caller's name and phone only to a webhook
     * that speaks for the ticket's lead organization and is allowed them, as with robots.
     */
    private int toWebhooks(Ticket ticket, String type, String note, Instant at, String key, boolean onceOnly) {
        int written = 0;
        for (NotificationTarget target : NotificationTarget.webhooksFor(type)) {
            String targetKey = key + "/" + target.id;
            if (onceOnly && Notification.count("idempotencyKey", targetKey) > 0) {
                continue;
            }
            boolean caller = target.personalData && target.organizationCode != null && ticket.leadOrganization != null
                    && target.organizationCode.equals(ticket.leadOrganization.code);
            write(ticket, "webhook-" + type, Audience.INTEGRATION, target,
                    webhookDocument(ticket, type, note, at, targetKey, caller), at, targetKey);
            written++;
        }
        return written;
    }

    private String webhookDocument(Ticket ticket, String type, String note, Instant at, String deliveryId,
            boolean withCaller) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("deliveryId", deliveryId);
        document.put("event", type);
        document.put("occurredAt", at.toString());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("code", ticket.code);
        about.put("status", ticket.status.name());
        about.put("category", ticket.category.code);
        about.put("priority", ticket.priority == null ? null : ticket.priority.name());
        about.put("streetOffice", ticket.streetOffice.code);
        about.put("community", ticket.community.code);
        about.put("site", ticket.site == null ? null : ticket.site.code);
        about.put("leadOrganization", ticket.leadOrganization == null ? null : ticket.leadOrganization.code);
        about.put("dueAt", ticket.dueAt == null ? null : ticket.dueAt.toString());
        about.put("link", consoleLink(ticket));
        document.put("ticket", about);
        if (note != null && !note.isBlank()) {
            String shown = ticket.publicText(note);
            document.put("note", shown.length() <= 300 ? shown : shown.substring(0, 300) + "…");
        }
        if (withCaller) {
            Map<String, Object> caller = new LinkedHashMap<>();
            caller.put("name", ticket.reporterName);
            caller.put("phone", ticket.reporterPhone);
            document.put("caller", caller);
        }
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook document could not be written", e);
        }
    }

    private int toTargets(Ticket ticket, Audience audience, String owner, String kind, String text, Instant at,
            String key, boolean onceOnly) {
        int written = 0;
        for (NotificationTarget target : NotificationTarget.of(audience, owner)) {
            String targetKey = key + "/" + target.id;
            if (onceOnly && Notification.count("idempotencyKey", targetKey) > 0) {
                continue;
            }
            write(ticket, kind, audience, target, text, at, targetKey);
            written++;
        }
        for (AppUser user : mailable(audience, owner)) {
            String userKey = key + "/email/" + user.id;
            if (onceOnly && Notification.count("idempotencyKey", userKey) > 0) {
                continue;
            }
            writeEmail(ticket, kind, audience, user, text, at, userKey);
            written++;
        }
        return written;
    }

    private void write(Ticket ticket, String kind, Audience audience, NotificationTarget target, String text, Instant at,
            String key) {
        new Notification(key, ticket.code, kind, audience, target.channel, target.address, target.secret, text, null, at)
                .persist();
    }

    private void toResident(Ticket ticket, String kind, String text, String accessCode, Instant at) {
        if (!ticket.notifyResident || ticket.reporterPhone == null || !channels.configured(ChannelKind.SMS)) {
            return;
        }
        Notification message = new Notification(newKey(), ticket.code, kind, Audience.RESIDENT, ChannelKind.SMS,
                ticket.reporterPhone, null, text, accessCode, at);
        if (sentToday(ticket.reporterPhone, at) >= config.dailyCap()) {
            message.skip("Daily cap of " + config.dailyCap() + " messages to this phone reached "
                    + "(communitydesk.notifications.daily-cap).");
            LOG.infof("Ticket %s: no text message (%s) to %s: its daily cap is reached.", ticket.code, kind,
                    Phones.mask(ticket.reporterPhone));
        }
        message.persist();
    }

    private long sentToday(String phone, Instant at) {
        ZoneId zone = ZoneId.of(appConfig.zone());
        Instant dayStart = LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
        return Notification.count("recipient = ?1 and audience = ?2 and createdAt >= ?3 and state <> ?4", phone,
                Audience.RESIDENT, dayStart, NotificationState.SKIPPED);
    }

    private NotificationTexts texts() {
        return english()
                ? MessageBundles.get(NotificationTexts.class, Localized.Literal.of("en"))
                : MessageBundles.get(NotificationTexts.class);
    }

    private String statusLink(Ticket ticket) {
        return base() + "/status?code=" + ticket.code;
    }

    private String consoleLink(Ticket ticket) {
        return base() + "/console/tickets/" + ticket.code;
    }

    private String base() {
        String base = appConfig.publicBaseUrl().map(URI::toString).orElse("http://localhost:8080");
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private String local(Instant at) {
        return LOCAL_TIME.format(at.atZone(ZoneId.of(appConfig.zone())));
    }

    private boolean english() {
        return "en".equalsIgnoreCase(config.language());
    }

    private String category(Ticket ticket) {
        return english() ? ticket.category.nameEn : ticket.category.nameZh;
    }

    /** Community and compound: never the building, flat or anything else the caller said. */
    private String place(Ticket ticket) {
        return english() ? ticket.community.nameEn + (ticket.site == null ? "" : ", " + ticket.site.nameEn)
                : ticket.community.nameZh + (ticket.site == null ? "" : " " + ticket.site.nameZh);
    }

    private String lead(Ticket ticket, NotificationTexts texts) {
        return ticket.leadOrganization == null ? texts.nobody()
                : english() ? ticket.leadOrganization.nameEn : ticket.leadOrganization.nameZh;
    }

    /** The description as the public may read it (callers' names and phones, long numbers masked), shortened. */
    private static String summary(Ticket ticket) {
        String text = ticket.publicText(ticket.description);
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
