package org.communitydesk.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A form posted after its session ended, kept for a few minutes until the browser signs in again. */
@Entity
@Table(name = "form_draft")
public class FormDraft extends PanacheEntityBase {

    @Id
    public String id;

    /** The page whose form this is, such as /console/intake. */
    @Column(nullable = false, updatable = false)
    public String page;

    /** Who posted it (their ended session named them); only they get it back. */
    @Column(nullable = false, updatable = false)
    public String username;

    /** The posted fields as JSON (name to values); personal data, so never logged and soon removed. */
    @Column(nullable = false, updatable = false, length = 60000)
    public String fields;

    @Column(nullable = false, updatable = false)
    public Instant expiresAt;

    protected FormDraft() {
    }

    FormDraft(String id, String page, String username, String fields, Instant expiresAt) {
        this.id = id;
        this.page = page;
        this.username = username;
        this.fields = fields;
        this.expiresAt = expiresAt;
    }

    /** Removes the drafts nobody came back for and answers how many. For housekeeping, inside a transaction. */
    public static long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
