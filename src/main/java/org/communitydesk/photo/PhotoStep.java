package org.communitydesk.photo;

/** When in the ticket's life a photo was added; who may add it depends on the step ({@link PhotoService}). */
public enum PhotoStep {
    /** With the call, by staff. */
    INTAKE,
    /** With a further call about the same problem, by staff. */
    REPORT,
    /** With a note, by anyone who may add notes. */
    NOTE,
    /** Before the work, by the lead organization. */
    START,
    /** After the work, by the lead organization: PUBLIC unless said otherwise. */
    RESOLVE
}
