package org.communitydesk.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/** The senders by channel. */
@ApplicationScoped
public class Channels {

    private final Map<ChannelKind, Sender> senders = new EnumMap<>(ChannelKind.class);

    @Inject
    Channels(Instance<Sender> all) {
        for (Sender sender : all) {
            senders.put(sender.kind(), sender);
        }
    }

    public boolean configured(ChannelKind kind) {
        Sender sender = senders.get(kind);
        return sender != null && sender.configured();
    }

    void send(Outgoing message) throws DeliveryFailure {
        Sender sender = senders.get(message.channel());
        if (sender == null || !sender.configured()) {
            throw new DeliveryFailure("Channel " + message.channel() + " is not configured on this instance; configure it "
                    + "(README, Notifications) and retry the message.");
        }
        sender.send(message);
    }
}
