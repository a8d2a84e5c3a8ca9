package org.communitydesk.photo;

import org.communitydesk.common.ProblemException;

/** The answers to an upload that is refused for what it is, not for who sent it. */
final class PhotoProblems {

    private PhotoProblems() {
    }

    /** 415: not an image we take, or one that does not decode. Nothing is stored. */
    static final class UnsupportedPhoto extends ProblemException {
        UnsupportedPhoto(String file, String why) {
            super(415, "unsupported-media-type", "Unsupported Media Type",
                    file + " " + why + " Send a JPEG (PNG and WebP are taken too).");
        }
    }

    /** 413: a file, a number of files or an image's declared size over the limit. Nothing is stored. */
    static final class PhotoTooLarge extends ProblemException {
        PhotoTooLarge(String detail) {
            super(413, "payload-too-large", "Payload too large", detail);
        }
    }
}
