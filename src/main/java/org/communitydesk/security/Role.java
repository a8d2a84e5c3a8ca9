package org.communitydesk.security;

/** A user's role; each comes with its own kind of scope. The names are those of {@link org.communitydesk.common.Roles}. */
public enum Role {
    /** Community staff, scoped to one community. */
    STAFF,
    /** Street-office supervisor, scoped to one street office. */
    SUPERVISOR,
    /** A member of one organization, scoped to the tickets assigned to it. */
    CONTRACTOR,
    /** The district administration: everything. */
    ADMIN
}
