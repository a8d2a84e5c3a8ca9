package org.communitydesk.ticket;

/** The ticket's version as a strong entity tag: {@code "7"}. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * True when an If-Match value names this version, or is "*". If-Match compares strongly (RFC 9110 13.1.1): a
     * weak tag ({@code W/"3"}) never matches. A read's ETag may add a digest of the representation after the
     * version ({@code "3-…"}, see common.ConditionalReads); writes compare the version, which is what they change.
     */
    static boolean matches(String ifMatch, long version) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                continue;
            }
            int digest = tag.indexOf('-');
            if (tag.startsWith("\"") && digest > 0) {
                tag = tag.substring(0, digest) + "\"";
            }
            if (tag.equals(of(version)) || tag.equals(Long.toString(version))) {
                return true;
            }
        }
        return false;
    }
}
