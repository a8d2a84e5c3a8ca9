package org.communitydesk.ticket;

import java.util.Set;

/**
 * The version of the ticket a change was decided on; the change is refused (412, {@link StaleTicketProblem}) when
 * the ticket is at another one. Usually one number ({@link #of(long)}) or none ({@link #NONE}: whatever it is now).
 * HTTP's If-Match may list several tags, so {@link #anyOf} takes several; an empty set matches no version (a weak
 * tag, or a form's version that is not a number). {@code sent} is how the client said it, for the refusal's detail.
 */
public record ExpectedVersion(Set<Long> versions, String sent) {

    /** No expectation: the change applies to the ticket as it is now. */
    public static final ExpectedVersion NONE = new ExpectedVersion(null, null);

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Set.of(version), "Version \"" + version + "\"");
    }

    /** Any of these versions; {@code sent} says how the client named them. */
    public static ExpectedVersion anyOf(Set<Long> versions, String sent) {
        return new ExpectedVersion(Set.copyOf(versions), sent);
    }

    /** The version a page's form carried: none when blank; a text that is not a number matches no version. */
    public static ExpectedVersion ofForm(String version) {
        if (version == null || version.isBlank()) {
            return NONE;
        }
        try {
            return of(Long.parseLong(version.strip()));
        } catch (NumberFormatException e) {
            return anyOf(Set.of(), "Version \"" + version.strip() + "\"");
        }
    }

    public boolean isNone() {
        return versions == null;
    }

    boolean allows(long version) {
        return versions == null || versions.contains(version);
    }
}
