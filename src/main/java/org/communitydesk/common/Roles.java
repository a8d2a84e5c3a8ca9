package org.communitydesk.common;

/** The role names, for {@code @RolesAllowed} and for the roles a signed-in identity carries. */
public final class Roles {

    /** Community staff: one community. */
    public static final String STAFF = "STAFF";
    /** Street-office supervisor: every community of one street office. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** A member of one organization: only tickets assigned to it. */
    public static final String CONTRACTOR = "CONTRACTOR";
    /** The district: everything, plus users and reference data. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
