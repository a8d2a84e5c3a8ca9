package org.communitydesk.notification;

/** One message as a channel sends it; {@code text} may carry the access code, so it is never logged. */
record Outgoing(long id, String idempotencyKey, String ticketCode, String kind, ChannelKind channel, String recipient,
        String secret, String text, int attempt) {

    @Override
    public String toString() {
        return "Outgoing[" + id + ", " + idempotencyKey + ", " + channel + "]";
    }
}
