package org.communitydesk.security;

/** What the security log records. */
public enum SecurityEventType {
    LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_REFUSED_LOCKED, LOCKED_OUT, LOGIN_THROTTLED,
    USER_CREATED, USER_ENABLED, USER_DISABLED, PASSWORD_RESET
}
