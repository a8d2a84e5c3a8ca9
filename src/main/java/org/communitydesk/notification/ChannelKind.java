package org.communitydesk.notification;

/** How a notification travels. */
public enum ChannelKind {
    SMS, WECOM, DINGTALK, EMAIL, WEBHOOK
}
