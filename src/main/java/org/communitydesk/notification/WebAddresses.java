package org.communitydesk.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The rule for robot and webhook URLs: http or https, and never an address inside our own network (loopback,
 * private ranges, link-local, carrier-grade NAT, unique-local IPv6), so that a registered URL cannot make the
 * service probe its neighbours. An ADMIN setting lifts the second part (tests need a local receiver).
 */
public final class WebAddresses {

    private WebAddresses() {
    }

    /**
     * The recipient's URL, checked again as it is about to be called: a name that pointed outside when it was
     * registered may point inside now. {@code whatToDo} ends the failure when the URL does not parse.
     */
    static URI atSend(String recipient, boolean allowPrivate, String whatToDo) throws DeliveryFailure {
        URI url;
        try {
            url = URI.create(recipient);
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("The URL is not a URL; " + whatToDo + ".");
        }
        String refusal = refusal(url, allowPrivate);
        if (refusal != null) {
            throw new DeliveryFailure(refusal);
        }
        return url;
    }

    /** Null if the URL may be called; otherwise why not. The host is resolved, so a name for a private address fails too. */
    static String refusal(URI uri, boolean allowPrivate) {
        if (uri == null || uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            return "The URL must start with http:// or https://.";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "The URL has no host.";
        }
        if (allowPrivate) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "The host " + uri.getHost() + " is not known to DNS.";
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return "The host " + uri.getHost() + " is a loopback or private-range address (" + address.getHostAddress()
                        + "); set communitydesk.notifications.allow-private-addresses=true to allow it.";
            }
        }
        return null;
    }

    /** Loopback, private, link-local, carrier-grade NAT, unique-local: an address inside our own network. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 4) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8.
            return (first == 100 && second >= 64 && second <= 127) || first == 0;
        }
        // fc00::/7, unique local IPv6.
        return (raw[0] & 0xfe) == 0xfc;
    }
}
