package org.communitydesk.resident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionExceptionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.Site;
import org.communitydesk.photo.Photo;
import org.communitydesk.photo.PhotoViews;
import org.communitydesk.resident.PublicTicketView.GivenFeedback;
import org.communitydesk.resident.PublicTicketView.Name;
import org.communitydesk.resident.PublicTicketView.PublicEvent;
import org.communitydesk.resident.PublicTicketView.PublicPhoto;
import org.communitydesk.ticket.AccessCodes;
import org.communitydesk.ticket.AccessGuards;
import org.communitydesk.ticket.Actor;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.FeedbackSource;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketCodes;
import org.communitydesk.ticket.TicketEvent;
import org.communitydesk.ticket.TicketRequests.FeedbackRequest;
import org.jboss.logging.Logger;

/**
 * Residents' own view of their ticket, opened with the tracking code and the access code. An unknown
 * ticket, a wrong or missing access code and a blocked ticket all answer the same 404, so that the
 * answer tells a guesser nothing. Wrong codes are counted per ticket and client address, with a per-ticket
 * ceiling as a last resort ({@link AccessGuards}), and failed lookups per client address whatever the ticket
 * ({@link ClientThrottle}); the counts are committed even though the answer is 404.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = NotFoundProblem.class)
public class ResidentService {

    private static final Logger LOG = Logger.getLogger(ResidentService.class);
    static final Actor RESIDENT = new Actor("resident", "RESIDENT");

    @Inject
    Clock clock;

    @Inject
    ClientThrottle throttle;

    @Inject
    AccessCodes accessCodes;

    @Inject
    AccessGuards guards;

    @Inject
    AppMetrics metrics;

    @Inject
    RecentPublicViews recentViews;

    /**
     * Almost every lookup has nothing against it and the right (keyed) code: that is one read, without a transaction
     * to begin and commit (Quarkus reads outside one in a session that never flushes), and the view of that version
     * of the ticket, kept for a few seconds ({@link RecentPublicViews}). Anything else takes the checked path in a
     * transaction, which commits the failure it counts with the 404 and the keyed hash that replaces a bcrypt one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicTicketView status(String code, String accessCode, String client, Locale language) {
        Instant now = clock.instant();
        AccessGuards.Openable openable = code == null ? null
                : guards.openableByCode(TicketCodes.canonical(code), client, now)
                        .filter(o -> accessCodes.matchesKeyed(accessCode, o.accessCodeHash())).orElse(null);
        if (openable != null) {
            metrics.count(AppMetrics.PUBLIC_LOOKUPS, AppMetrics.OUTCOME, "found");
            return recentViews.of(openable, language, now, () -> view(
                    Ticket.<Ticket>find("select t from Ticket t" + Ticket.WITH_PLACE_AND_LEAD + " where t.id = ?1",
                            openable.ticketId()).singleResultOptional()
                            .orElseThrow(() -> new NotFoundProblem("ticket", code)), now, language));
        }
        return QuarkusTransaction.joiningExisting()
                .exceptionHandler(e -> e instanceof NotFoundProblem ? TransactionExceptionResult.COMMIT
                        : TransactionExceptionResult.ROLLBACK)
                .call(() -> view(checkedOpen(code, accessCode, client, now, LockModeType.NONE), now, language));
    }

    /** The resident's feedback on the resolution: once, within 7 days; "not resolved" reopens the ticket. */
    public PublicTicketView giveFeedback(String code, String accessCode, FeedbackRequest request, String client,
            Locale language) {
        Instant now = clock.instant();
        Ticket ticket = checkedOpen(code, accessCode, client, now, LockModeType.PESSIMISTIC_WRITE);
        ticket.giveFeedback(request.toFeedback(), FeedbackSource.RESIDENT, RESIDENT, now);
        ticket.flush();
        LOG.infof("Ticket %s: resident feedback recorded; status now %s", ticket.code, ticket.status);
        return view(ticket, now, language);
    }

    /** The resident's "no more text messages" (the link on the status page); asking twice changes nothing. */
    public PublicTicketView stopMessages(String code, String accessCode, String client, Locale language) {
        Instant now = clock.instant();
        Ticket ticket = checkedOpen(code, accessCode, client, now, LockModeType.PESSIMISTIC_WRITE);
        if (ticket.stopResidentMessages(RESIDENT, now)) {
            ticket.flush();
            LOG.infof("Ticket %s: the resident stopped text messages.", ticket.code);
        }
        return view(ticket, now, language);
    }

    /**
     * The ticket if this client may open it with this code now: 429 over the address's limit of failed lookups;
     * 404 for an unknown ticket, a blocked client or a wrong code, each failure counted.
     */
    private Ticket checkedOpen(String code, String accessCode, String client, Instant now, LockModeType lock) {
        throttle.checkAllowed(client, now);
        Ticket ticket = code == null ? null : lock == LockModeType.NONE
                ? Ticket.<Ticket>find("select t from Ticket t" + Ticket.WITH_PLACE_AND_LEAD + " where t.code = ?1",
                        TicketCodes.canonical(code)).singleResultOptional().orElse(null)
                : Ticket.<Ticket>find("code", TicketCodes.canonical(code)).withLock(lock).firstResult();
        if (ticket == null) {
            throttle.recordFailure(client, now);
            throw new NotFoundProblem("ticket", code);
        }
        if (guards.blocks(ticket, client, now)) {
            throttle.recordFailure(client, now);
            throw new TicketBlockedProblem(code, name(ticket.community), ticket.community.officePhone);
        }
        if (!ticket.acceptsAccessCode(accessCode, accessCodes)) {
            guards.recordWrongCode(ticket, client, now);
            throttle.recordFailure(client, now);
            throw new NotFoundProblem("ticket", code);
        }
        metrics.count(AppMetrics.PUBLIC_LOOKUPS, AppMetrics.OUTCOME, "found");
        return ticket;
    }

    /** The resident's view, its timeline in the reader's language (the people's words as typed, masked). */
    private static PublicTicketView view(Ticket t, Instant now, Locale language) {
        List<TicketEvent> timeline = TicketEvent.publicTimelineOf(t);
        var events = timeline.stream()
                .map(e -> new PublicEvent(e.type, e.fromStatus, e.toStatus, e.occurredAt, t.publicText(e.text(language))))
                .toList();
        return new PublicTicketView(t.code, t.status, name(t.category), name(t.site), name(t.community),
                name(t.leadOrganization), t.reportedAt, t.dispatchedAt, t.resolvedAt, t.closedAt, t.dueAt,
                t.feedbackDeadline(now), t.feedbackOnCurrentResolution()
                        .map(f -> new GivenFeedback(f.rating, f.resolved, f.givenAt)).orElse(null),
                t.community.officePhone, events, t.notifyResident, publicPhotos(t, timeline));
    }

    /** Read only when the public timeline shows a photo added: each public photo has its public PHOTO_ADDED event. */
    private static List<PublicPhoto> publicPhotos(Ticket t, List<TicketEvent> publicTimeline) {
        if (publicTimeline.stream().noneMatch(e -> e.type == EventType.PHOTO_ADDED)) {
            return List.of();
        }
        return Photo.publicOf(t).stream()
                .map(p -> new PublicPhoto(PhotoViews.imagePath(p.publicId), PhotoViews.thumbnailPath(p.publicId), p.addedAt))
                .toList();
    }

    private static Name name(ServiceCategory category) {
        return new Name(category.nameZh, category.nameEn);
    }

    private static Name name(Site site) {
        return site == null ? null : new Name(site.nameZh, site.nameEn);
    }

    private static Name name(Area area) {
        return new Name(area.nameZh, area.nameEn);
    }

    private static Name name(Organization organization) {
        return organization == null ? null : new Name(organization.nameZh, organization.nameEn);
    }
}
