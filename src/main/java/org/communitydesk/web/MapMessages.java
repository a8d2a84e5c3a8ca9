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

    /** Added to a compound's label when it is a recurring trouble spot, naming the categories. */
    @Message
    String placeMapTrouble(String categories);

    @Message
    String placeMapLegendTrouble();

    @Message
    String placeMapLegendNone();

    @Message
    String placeMapLegendSome();

    @Message
    String placeMapLegendMany();

    /** Intake: the position fields and the map that fills them. */
    @Message
    String positionLegend();

    @Message
    String positionHint();

    @Message
    String fieldLatitude();

    @Message
    String fieldLongitude();

    @Message
    String intakeMapLabel();

    /** Intake: what a click on the map suggested. */
    @Message
    String suggested(String place);

    @Message
    String suggestedNone();

    @Message
    String ticketMapTitle();

    @Message
    String ticketMapLabel();

    /** The ticket's spot, in WGS-84 degrees. */
    @Message
    String spotAt(String latitude, String longitude);

    @Message
    String noSpot();

    @Message
    String openInMapApp();

    @Message
    String openInAmap();

    @Message
    String statusMapLabel();

    @Message
    String dashboardMapLabel();
}
