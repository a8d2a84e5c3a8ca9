package org.communitydesk.web;

/** A length of time as people read it on a page: "2 小时 30 分" or "2 h 30 min"; days from 48 hours on. */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Long seconds, Language language) {
        if (seconds == null) {
            return "—";
        }
        boolean english = language == Language.EN;
        long minutes = seconds / 60;
        long hours = minutes / 60;
        if (hours >= 48) {
            long days = hours / 24;
            return english ? days + " d " + hours % 24 + " h" : days + " 天 " + hours % 24 + " 小时";
        }
        if (hours > 0) {
            return english ? hours + " h " + minutes % 60 + " min" : hours + " 小时 " + minutes % 60 + " 分";
        }
        return english ? minutes + " min" : minutes + " 分钟";
    }
}
