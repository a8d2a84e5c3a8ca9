package org.communitydesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.communitydesk.common.Roles;
import org.communitydesk.photo.PhotoService;
import org.communitydesk.photo.PhotoUploads;
import org.communitydesk.photo.PhotoViews.PhotoView;
import org.communitydesk.photo.PhotoViews.SuggestedPosition;
import org.communitydesk.ticket.Caller;
import org.communitydesk.ticket.EventType;
import org.communitydesk.ticket.TicketViews.EventView;
import org.communitydesk.ticket.Visibility;
import org.communitydesk.web.PageTexts;
import org.communitydesk.web.PhotoMessages;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** What the pages' forms do with photos: the files read, a refusal worded in the page's language, the ticket's photos. */
@ApplicationScoped
public class PhotoForms {

    /** The form field of the photos (a file input, several files). */
    static final String FIELD = "photo";
    /** The box that makes the photos PUBLIC. */
    static final String PUBLIC_FIELD = "photoPublic";

    @Inject
    PhotoUploads uploads;

    @Inject
    PhotoService photos;

    @Inject
    PageTexts texts;

    /** The limits a file input states. */
    public record Limits(int maxFiles, long maxMegabytes) {
    }

    /**
     * A ticket's photos on its page: each one beside its timeline event (same time, same user, in order), the
     * position the first intake photo offers, and why photos of the last form were refused, if they were.
     */
    public record TicketPhotos(Map<Long, List<PhotoView>> byEvent, int count, SuggestedPosition suggestion,
            boolean mayPlace, Limits limits, String problem) {

        /** The photos added by this event of the timeline. */
        public List<PhotoView> of(long eventId) {
            return byEvent.getOrDefault(eventId, List.of());
        }

        public String latitude() {
            return suggestion == null ? "" : String.format(Locale.ROOT, "%.5f", suggestion.latitude());
        }

        public String longitude() {
            return suggestion == null ? "" : String.format(Locale.ROOT, "%.5f", suggestion.longitude());
        }

        TicketPhotos refused(String why) {
            return new TicketPhotos(byEvent, count, suggestion, mayPlace, limits, why);
        }
    }

    /**
     * The photo part of a form that is shown again: the limits, whether residents may see them (the box), why
     * the photos were refused, and whether photos were sent but not kept (a browser cannot fill a file input again).
     */
    public record FormPhotos(Limits limits, boolean residentsSee, String problem, boolean notKept) {
    }

    FormPhotos form(boolean residentsSee, String problem, boolean notKept) {
        return new FormPhotos(limits(), residentsSee, problem, notKept);
    }

    Limits limits() {
        return new Limits(uploads.maxFiles(), uploads.maxFileMegabytes());
    }

    /** The files decoded, re-encoded and stored; throws {@link PhotoUploads.RefusedPhotos} for a refused one. */
    ChangesWithPhotos.Photos read(List<FileUpload> files, boolean residentsSee) {
        return new ChangesWithPhotos.Photos(uploads.prepare(files), residentsSee ? Visibility.PUBLIC : Visibility.INTERNAL);
    }

    /** Whether the form carried at least one file (an empty file input sends a part without name or bytes). */
    static boolean anyFile(List<FileUpload> files) {
        return files != null && files.stream().anyMatch(f -> f != null && (f.size() > 0 || (f.fileName() != null && !f.fileName().isBlank())));
    }

    /** Why the files were refused, in the page's language. */
    String refusal(PhotoUploads.RefusedPhotos refused) {
        PhotoMessages msg = texts.bundle(PhotoMessages.class);
        return switch (refused.refusal()) {
            case TOO_MANY_FILES -> msg.photoTooMany(uploads.maxFiles());
            case FILE_TOO_LARGE -> msg.photoTooLarge(uploads.maxFileMegabytes());
            case TOO_MANY_PIXELS -> msg.photoTooManyPixels();
            case NOT_AN_IMAGE -> msg.photoNotAnImage();
            case BUSY -> msg.photoBusy();
        };
    }

    TicketPhotos of(String code, List<EventView> events, Caller caller) {
        var list = photos.list(code, caller);
        List<PhotoView> unmatched = new ArrayList<>(list.photos());
        Map<Long, List<PhotoView>> byEvent = new HashMap<>();
        for (EventView event : events) {
            if (event.type() != EventType.PHOTO_ADDED) {
                continue;
            }
            for (int i = 0; i < unmatched.size(); i++) {
                PhotoView photo = unmatched.get(i);
                if (photo.addedAt().equals(event.occurredAt()) && photo.addedBy().equals(event.actor())) {
                    byEvent.put(event.id(), List.of(photo));
                    unmatched.remove(i);
                    break;
                }
            }
        }
        boolean office = caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN);
        return new TicketPhotos(byEvent, list.photos().size(), office ? list.suggestedPosition() : null, office,
                limits(), null);
    }
}
