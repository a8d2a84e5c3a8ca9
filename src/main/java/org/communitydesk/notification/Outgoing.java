package org.communitydesk.notification;

/**
 * One message as a channel sends it; {@code text} may carry the access code (also apart, for providers' templates),
 * so it is never logged.
 */
record Outgoing(long id, String idempotencyKey, String ticketCode, String kind, ChannelKind channel, String recipient,
        String secret, String text, int attempt, String accessCode) {

    @Override
    public String toString() {
        return "Outgoing[" + id + ", " + idempotencyKey + ", " + channel + "]";
    }
}
