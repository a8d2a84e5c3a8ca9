package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The labels of the work-order steps (at risk, and the 12345 steps that follow), used in templates as
 * {@code {work:key}}; texts in {@code messages/work.properties} (Chinese, the default) and
 * {@code messages/work_en.properties}. A bundle of its own: the page bundle's generated class is at the size
 * the JVM still verifies.
 */
@MessageBundle(value = "work", locale = "zh")
public interface WorkMessages {

    /** The queue's mark on a ticket past 80% of its time and not yet overdue. */
    @Message
    String atRisk();

    /** The queue's filter for those tickets. */
    @Message
    String atRiskOnly();
}
