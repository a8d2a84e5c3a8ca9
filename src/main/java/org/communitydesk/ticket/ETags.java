package org.communitydesk.ticket;

import java.util.LinkedHashSet;
import java.util.Set;

/** The ticket's version as a strong entity tag, {@code "7"}; and If-Match turned into the version a change expects. */
public final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an If-Match value names; none expected when it is absent or "*". If-Match compares strongly
     * (RFC 9110 13.1.1): a weak tag ({@code W/"3"}) names no version. A read's ETag may add a digest of the
     * representation after the version ({@code "3-…"}, see common.ConditionalReads); writes compare the version,
     * which is what they change.
     */
    public static ExpectedVersion expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.NONE;
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return ExpectedVersion.NONE;
            }
            if (tag.startsWith("W/")) {
                continue;
            }
            int digest = tag.indexOf('-');
            if (tag.startsWith("\"") && digest > 0) {
                tag = tag.substring(0, digest) + "\"";
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                versions.add(Long.parseLong(tag));
            } catch (NumberFormatException notAVersion) {
                // Names no version of ours.
            }
        }
        return ExpectedVersion.anyOf(versions, "If-Match " + ifMatch.strip());
    }
}
