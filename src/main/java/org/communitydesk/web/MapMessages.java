package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The labels of the maps, used in templates as {@code {map:key}}; texts in {@code messages/map.properties}
 * (Chinese, the default) and {@code messages/map_en.properties}. A bundle of its own, as the page bundle's
 * generated class is near the size the JVM verifies.
 */
@MessageBundle(value = "map", locale = "zh")
public interface MapMessages {

    @Message
    String placeMapTitle();

    @Message
    String placeMapDefinition();

    /** A compound's circle, read aloud and shown on hover. */
    @Message
    String placeMapMark(String place, long tickets, long overdue);

    @Message
    String placeMapLegendNone();

    @Message
    String placeMapLegendSome();

    @Message
    String placeMapLegendMany();
}
