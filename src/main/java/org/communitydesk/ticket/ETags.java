package org.communitydesk.ticket;

/** The ticket's version as a strong entity tag: {@code "7"}. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** True when an If-Match value names this version, or is "*". Weak tags are compared by value. */
    static boolean matches(String ifMatch, long version) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(of(version)) || tag.equals(Long.toString(version))) {
                return true;
            }
        }
        return false;
    }
}
