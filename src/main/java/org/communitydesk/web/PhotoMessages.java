package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The photos' texts on the pages (intake, ticket, status), as {@code {photo:key}}: {@code messages/photo.properties}
 * (Chinese) and {@code photo_en.properties}. A bundle of its own, as the page bundle's generated class is near the
 * size the JVM verifies. Flash keys starting with {@code photo} are read from here.
 */
@MessageBundle(value = "photo", locale = "zh")
public interface PhotoMessages {

    @Message
    String photoField();

    @Message
    String photoHint(int max, long megabytes);

    @Message
    String photoPublic();

    @Message
    String photoNotKept();

    @Message
    String photoTooMany(int max);

    @Message
    String photoTooLarge(long megabytes);

    @Message
    String photoTooManyPixels();

    @Message
    String photoNotAnImage();

    @Message
    String photoBusy();

    @Message
    String photoRefusedTitle();

    /** A page's form over the request limit: refused before it was read (console.PhotoFormLimit). */
    @Message
    String photoRequestTooLargeTitle();

    @Message
    String photoRequestTooLarge(int max, long megabytes, long total);

    @Message
    String photoRequestTooLargeAgain();

    @Message
    String photoRequestTooLargeBack();

    @Message
    String photosTitle();

    @Message
    String photoNone();

    /** A step's name: photoStep_INTAKE and the others in the files. */
    @Message
    String photoStep(org.communitydesk.photo.PhotoStep step);

    @Message
    String photoVisibleToResidents();

    @Message
    String photoStaffOnly();

    /** The thumbnail's text, read aloud: which photo, and that it opens full size. */
    @Message
    String photoOpen(long number, String step);

    @Message
    String photoResidentOpen(int number);

    @Message
    String photoPositionTitle();

    @Message
    String photoPositionText(String latitude, String longitude);

    @Message
    String photoPositionAccept();

    @Message
    String photoPositionIgnore();

    @Message
    String photoPositionAccepted();

    @Message
    String photoPositionIgnored();

    @Message
    String photoResidentTitle();
}
