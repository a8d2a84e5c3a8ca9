package org.communitydesk.notification;

/** One channel. Each is off until configured; a message for a channel that is off is not written. */
interface Sender {

    ChannelKind kind();

    boolean configured();

    /** Among the configured senders of one channel, the highest is used. */
    default int preference() {
        return 0;
    }

    /** Sends one message, or throws with what went wrong; the caller retries with back-off. */
    void send(Outgoing message) throws DeliveryFailure;
}
