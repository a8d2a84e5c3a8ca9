package org.communitydesk.common;

/** One field that failed validation: its path in the request and what is wrong with it. */
public record Violation(String field, String message) {
}
