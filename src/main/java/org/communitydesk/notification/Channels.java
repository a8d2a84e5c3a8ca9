package org.communitydesk.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The senders by channel; where a channel has several (SMS: Tencent Cloud's SDK, a generic gateway), the first configured. */
@ApplicationScoped
public class Channels {

    private final Map<ChannelKind, List<Sender>> senders = new EnumMap<>(ChannelKind.class);

    @Inject
    Channels(Instance<Sender> all) {
        for (Sender sender : all) {
            senders.computeIfAbsent(sender.kind(), k -> new ArrayList<>()).add(sender);
        }
        // A provider's SDK before the generic gateway, whatever order CDI gives.
        senders.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.preference(), a.preference())));
    }

    public boolean configured(ChannelKind kind) {
        return sender(kind) != null;
    }

    private Sender sender(ChannelKind kind) {
        for (Sender sender : senders.getOrDefault(kind, List.of())) {
            if (sender.configured()) {
                return sender;
            }
        }
        return null;
    }

    void send(Outgoing message) throws DeliveryFailure {
        Sender sender = sender(message.channel());
        if (sender == null) {
            throw new DeliveryFailure("Channel " + message.channel() + " is not configured on this instance; configure it "
                    + "(README, Notifications) and retry the message.");
        }
        sender.send(message);
    }
}
