package org.communitydesk.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.NativeWrites;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.common.Roles;
import org.communitydesk.photo.PhotoViews.PhotoList;
import org.communitydesk.photo.PhotoViews.PhotoView;
import org.communitydesk.photo.PhotoViews.SuggestedPosition;
import org.communitydesk.ticket.ExpectedVersion;
import org.communitydesk.ticket.Caller;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketService;
import org.communitydesk.ticket.Visibility;
import org.jboss.logging.Logger;

/**
 * Photos of tickets. Who may add one follows who may make the step: staff at intake and with further
 * calls, anyone who may write a note with a note, the lead organization (or an ADMIN) when starting and
 * resolving. The images are processed before the transaction (decoding is slow and needs no row lock),
 * stored, and only then recorded; a refused file leaves nothing behind.
 */
@ApplicationScoped
@Transactional
public class PhotoService {

    private static final Logger LOG = Logger.getLogger(PhotoService.class);

    @Inject
    Clock clock;

    @Inject
    TicketService tickets;

    @Inject
    PhotoStore store;

    /** What an upload asks for; visibility null means the step's default. */
    public record Upload(PhotoStep step, Visibility visibility, ExpectedVersion expected) {
    }

    /** Refuses early (before any decoding) a caller who may not add photos at this step to this ticket. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkMayAdd(String code, PhotoStep step, Caller caller) {
        mayAdd(tickets.findForCaller(code, caller), step, caller);
    }

    /** Writes the images and thumbnails to the store, outside any transaction: a failed insert leaves only files no row names. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void storeAll(List<PhotoImages.Processed> images) {
        try {
            for (PhotoImages.Processed image : images) {
                store.put(image.sha256(), image.jpeg());
                store.put(image.thumbnailSha256(), image.thumbnail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a photo", e);
        }
    }

    /** Records processed images on the ticket, each with a line on its timeline. */
    public List<PhotoView> add(String code, Upload upload, List<PhotoImages.Processed> images, Caller caller) {
        Ticket ticket = tickets.lockForCaller(code, upload.expected(), caller);
        mayAdd(ticket, upload.step(), caller);
        Visibility visibility = upload.visibility() != null ? upload.visibility()
                : upload.step() == PhotoStep.RESOLVE ? Visibility.PUBLIC : Visibility.INTERNAL;
        Instant now = clock.instant();
        List<PhotoView> added = new ArrayList<>();
        long number = Photo.count("ticket", ticket);
        for (PhotoImages.Processed image : images) {
            restoreIfRemovedMeanwhile(image);
            Photo photo = new Photo(ticket, image, upload.step(), visibility, caller.actor(), now);
            photo.persist();
            ticket.recordPhoto(visibility, caller.actor(), now);
            added.add(PhotoView.of(photo, ++number));
        }
        ticket.flush();
        LOG.infof("Ticket %s: %d photo(s) added at %s by %s, %s", ticket.code, images.size(), upload.step(),
                caller.actor().name(), visibility);
        return added;
    }

    /**
     * Removes a photo (ADMIN): its row goes and an INTERNAL line with the reason stays on the ticket's timeline.
     * Returns the hashes it named, for {@link #releaseBytes} once this transaction has committed.
     */
    public Removed remove(String publicId, String reason, Caller caller) {
        if (!caller.hasRole(Roles.ADMIN)) {
            throw new ForbiddenProblem("Photos are removed by an administrator.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidRequestProblem("reason", "Say why the photo is removed; the reason goes on the timeline.");
        }
        Photo photo = Photo.byPublicId(publicId).orElseThrow(() -> new NotFoundProblem("photo", publicId));
        Ticket ticket = tickets.lockForCaller(photo.ticket.code, ExpectedVersion.NONE, caller);
        long number = photo.number();
        photo.delete();
        ticket.recordPhotoRemoval(number, why, caller.actor(), clock.instant());
        ticket.flush();
        LOG.infof("Ticket %s: photo %d (%s) removed by %s.", ticket.code, number, publicId, caller.actor().name());
        return new Removed(photo.sha256, photo.thumbnailSha256);
    }

    /** The stored files a removed photo named. */
    public record Removed(String sha256, String thumbnailSha256) {
    }

    /**
     * Deletes a removed photo's files unless another row still names them (the same image sent twice is stored
     * once). Runs after the removal committed; a file left behind by a failure here is the orphan sweep's.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseBytes(Removed removed) {
        for (String hash : List.of(removed.sha256(), removed.thumbnailSha256())) {
            if (Photo.refersTo(hash)) {
                continue;
            }
            try {
                store.delete(hash);
            } catch (IOException e) {
                LOG.warnf("The file %s of a removed photo could not be deleted (%s); housekeeping tries again later.",
                        hash, e.getMessage());
            }
        }
    }

    /** An ADMIN may have removed the same image (its last row) between {@link #storeAll} and now. */
    private void restoreIfRemovedMeanwhile(PhotoImages.Processed image) {
        try {
            if (!store.contains(image.sha256())) {
                store.put(image.sha256(), image.jpeg());
            }
            if (!store.contains(image.thumbnailSha256())) {
                store.put(image.thumbnailSha256(), image.thumbnail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a photo", e);
        }
    }

    /**
     * Records photos a page prepared ({@link PhotoUploads#prepare}) on the ticket, in the caller's transaction
     * when there is one (with the change the form made), so that both happen or neither. None: nothing.
     */
    public List<PhotoView> add(String code, PhotoStep step, Visibility visibility, PhotoUploads.Prepared prepared,
            Caller caller) {
        if (prepared == null || prepared.isEmpty()) {
            return List.of();
        }
        return add(code, new Upload(step, visibility, ExpectedVersion.NONE), prepared.images, caller);
    }

    /**
     * Staff take the position of the first intake photo (its GPS tags) as the ticket's own: set on the ticket
     * with a line on its timeline for staff. 404 when no position is offered (the ticket has one, or no photo).
     */
    public SuggestedPosition acceptSuggestedPosition(String code, Caller caller) {
        Ticket ticket = tickets.lockForCaller(code, ExpectedVersion.NONE, caller);
        mayDecideOnPosition(caller);
        SuggestedPosition offered = suggestedPosition(ticket, Photo.ofTicket(ticket));
        if (offered == null) {
            throw new NotFoundProblem("suggested position of ticket", code);
        }
        ticket.placeAt(offered.latitude(), offered.longitude(), caller.actor(), clock.instant());
        ticket.flush();
        return offered;
    }

    /**
     * Staff decline the offered position: the photo's GPS tags are forgotten (they are of no further use, and
     * a position is personal data), so it is not offered again.
     */
    public void ignoreSuggestedPosition(String code, Caller caller) {
        Ticket ticket = tickets.lockForCaller(code, ExpectedVersion.NONE, caller);
        mayDecideOnPosition(caller);
        SuggestedPosition offered = suggestedPosition(ticket, Photo.ofTicket(ticket));
        if (offered != null) {
            // A native update: the row is otherwise immutable, and only its position is dropped.
            NativeWrites.to(Photo.getEntityManager(), "ticket_photo",
                    "UPDATE ticket_photo SET gps_latitude = NULL, gps_longitude = NULL WHERE public_id = ?1")
                    .setParameter(1, offered.fromPhoto()).executeUpdate();
            LOG.infof("Ticket %s: the position of its first intake photo was ignored by %s", ticket.code,
                    caller.actor().name());
        }
    }

    private static void mayDecideOnPosition(Caller caller) {
        if (!(caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN))) {
            throw new ForbiddenProblem("The ticket's position is set by community and street-office staff.");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PhotoList list(String code, Caller caller) {
        Ticket ticket = tickets.findForCaller(code, caller);
        List<Photo> photos = Photo.ofTicket(ticket);
        List<PhotoView> views = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            views.add(PhotoView.of(photos.get(i), i + 1));
        }
        return new PhotoList(views, suggestedPosition(ticket, photos));
    }

    /** The image (or thumbnail) as the caller may see it: a PUBLIC one by its id alone, an INTERNAL one in scope only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download open(String publicId, boolean thumbnail, Optional<Caller> caller) {
        Photo photo = Photo.byPublicId(publicId).filter(p -> p.isPublic() || caller.map(c -> covers(c, p)).orElse(false))
                .orElseThrow(() -> new NotFoundProblem("photo", publicId));
        String name = photo.ticket.code + "-" + photo.number() + (thumbnail ? "-thumbnail" : "") + ".jpg";
        try {
            return new Download(store.open(thumbnail ? photo.thumbnailSha256 : photo.sha256), photo.contentType,
                    photo.isPublic(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("Photo " + photo.publicId + " is recorded but its file cannot be read", e);
        }
    }

    /** The bytes of a photo with what the answer needs to say about them. */
    public record Download(InputStream bytes, String contentType, boolean isPublic, String fileName) {
    }

    private boolean covers(Caller caller, Photo photo) {
        try {
            tickets.findForCaller(photo.ticket.code, caller);
            return true;
        } catch (NotFoundProblem outOfScope) {
            return false;
        }
    }

    /**
     * The position of the first intake photo, offered to staff when the call gave none: a phone's photo of the
     * manhole is usually taken beside it. Never published.
     */
    private static SuggestedPosition suggestedPosition(Ticket ticket, List<Photo> photos) {
        if (ticket.latitude != null && ticket.longitude != null) {
            return null;
        }
        return photos.stream().filter(p -> p.step == PhotoStep.INTAKE).findFirst()
                .filter(p -> p.gpsLatitude != null && p.gpsLongitude != null)
                .map(p -> new SuggestedPosition(p.gpsLatitude, p.gpsLongitude, p.publicId)).orElse(null);
    }

    private static void mayAdd(Ticket ticket, PhotoStep step, Caller caller) {
        boolean staff = caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN);
        boolean allowed = switch (step) {
            case INTAKE, REPORT -> staff;
            case NOTE -> staff || caller.hasRole(Roles.CONTRACTOR);
            case START, RESOLVE -> caller.hasRole(Roles.ADMIN) || (caller.hasRole(Roles.CONTRACTOR) && isLead(ticket, caller));
        };
        if (!allowed) {
            throw new ForbiddenProblem(switch (step) {
                case INTAKE, REPORT -> "Photos of the call are added by community and street-office staff.";
                case NOTE -> "You may not add photos to this ticket.";
                case START, RESOLVE -> "Before and after photos are added by the organization leading the work.";
            });
        }
    }

    private static boolean isLead(Ticket ticket, Caller caller) {
        TicketScope scope = caller.scope();
        return scope.kind() == TicketScope.Kind.ORGANIZATION && ticket.leadOrganization != null
                && ticket.leadOrganization.id.equals(scope.id());
    }
}
