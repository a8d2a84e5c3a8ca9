package org.communitydesk.ticket;

/** The person who called. Personal data: shown to staff only, never logged, never public. */
public record Reporter(String name, String phone) {

    @Override
    public String toString() {
        return "Reporter[redacted]";
    }
}
