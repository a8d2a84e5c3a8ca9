package org.communitydesk.security;

/**
 * What the security log records. LOGIN_REFUSED_LOCKED and LOCKED_OUT belong to the lock-out that the growing
 * delays replaced: no longer written, kept so that older rows can still be read.
 */
public enum SecurityEventType {
    LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_REFUSED_LOCKED, LOCKED_OUT, LOGIN_THROTTLED, SIGN_IN_DELAYED,
    USER_CREATED, USER_ENABLED, USER_DISABLED, PASSWORD_RESET, PASSWORD_CHANGED, SIGNED_OUT,
    /** An ADMIN set or removed a user's e-mail address. */
    EMAIL_CHANGED
}
