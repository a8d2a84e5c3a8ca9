package org.communitydesk.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.communitydesk.ticket.Actor;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.Visibility;

/**
 * Photos that come with a new ticket from another channel (Open311's media_url and media upload): checked,
 * re-encoded and stored exactly as an upload is ({@link #prepare}, before the ticket's transaction), then recorded on
 * the ticket inside that transaction ({@link #attach}). A refused file answers 413 or 415 and leaves nothing behind.
 */
@ApplicationScoped
public class PhotoIntake {

    @Inject
    PhotoConfig config;

    @Inject
    PhotoStore store;

    private volatile PhotoImages images;

    /** An image re-encoded and stored, not yet on a ticket. */
    public static final class Prepared {
        private final PhotoImages.Processed image;

        private Prepared(PhotoImages.Processed image) {
            this.image = image;
        }
    }

    /** The largest file taken, in bytes (the same limit as an upload's). */
    public long maxFileSize() {
        return config.maxFileSize().asLongValue();
    }

    /** Reads, re-encodes and stores one image; {@code label} names it in a refusal ("media"). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Prepared prepare(Path file, String label) {
        if (images == null) {
            images = new PhotoImages(config);
        }
        PhotoImages.Processed image = images.process(file, label);
        try {
            store.put(image.sha256(), image.jpeg());
            store.put(image.thumbnailSha256(), image.thumbnail());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a photo", e);
        }
        return new Prepared(image);
    }

    /** Records prepared images on a ticket of the current transaction, as INTAKE photos. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attach(String ticketCode, List<Prepared> photos, Visibility visibility, Actor actor, Instant at) {
        if (photos.isEmpty()) {
            return;
        }
        Ticket ticket = Ticket.<Ticket>find("code", ticketCode).singleResult();
        for (Prepared prepared : photos) {
            new Photo(ticket, prepared.image, PhotoStep.INTAKE, visibility, actor, at).persist();
            ticket.recordPhoto(visibility, actor, at);
        }
    }
}
