package org.communitydesk.photo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.ticket.Actor;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.Visibility;
import org.hibernate.annotations.Immutable;

/** A photo of a ticket: a row that names the re-encoded image and its thumbnail in the {@link PhotoStore}. */
@Entity
@Immutable
@Table(name = "ticket_photo")
public class Photo extends IdentityEntity {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    @Column(name = "public_id", nullable = false)
    public String publicId;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "thumbnail_sha256", nullable = false)
    public String thumbnailSha256;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    public int width;
    public int height;

    @Column(name = "byte_size")
    public long byteSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PhotoStep step;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_by_role")
    public String addedByRole;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "gps_latitude")
    public Double gpsLatitude;

    @Column(name = "gps_longitude")
    public Double gpsLongitude;

    protected Photo() {
    }

    Photo(Ticket ticket, PhotoImages.Processed image, PhotoStep step, Visibility visibility, Actor actor, Instant at) {
        this.ticket = ticket;
        this.publicId = newPublicId();
        this.sha256 = image.sha256();
        this.thumbnailSha256 = image.thumbnailSha256();
        this.contentType = PhotoImages.JPEG;
        this.width = image.width();
        this.height = image.height();
        this.byteSize = image.jpeg().length;
        this.step = step;
        this.visibility = visibility;
        this.addedBy = actor.name();
        this.addedByRole = actor.role();
        this.addedAt = at;
        if (image.position() != null) {
            this.gpsLatitude = image.position().latitude();
            this.gpsLongitude = image.position().longitude();
        }
    }

    /** 128 random bits in base64url (22 characters): unguessable, so a PUBLIC photo's URL is its own key. */
    static String newPublicId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static List<Photo> ofTicket(Ticket ticket) {
        return list("ticket = ?1 order by id", ticket);
    }

    /** The PUBLIC photos of a ticket, oldest first: what residents and Open311 may see. */
    public static List<Photo> publicOf(Ticket ticket) {
        return list("ticket = ?1 and visibility = ?2 order by id", ticket, Visibility.PUBLIC);
    }

    static Optional<Photo> byPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    /** Whether any row names these bytes, as its image or its thumbnail. */
    static boolean refersTo(String sha256) {
        return count("sha256 = ?1 or thumbnailSha256 = ?1", sha256) > 0;
    }

    /** The photo's place among the ticket's photos, from 1: it names the downloaded file. */
    long number() {
        return count("ticket = ?1 and id <= ?2", ticket, id);
    }

    boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
