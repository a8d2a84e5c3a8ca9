package org.communitydesk.photo;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of photo uploads and storage, under {@code communitydesk.photos}. */
@ConfigMapping(prefix = "communitydesk.photos")
public interface PhotoConfig {

    /** Where the filesystem store keeps the images, beside the H2 data directory by default. */
    @WithDefault("./data/photos")
    String directory();

    /** The largest file taken; a larger one answers 413. */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** The most files in one upload; more answer 413. */
    @WithDefault("5")
    int maxFiles();

    /** The largest image taken, in megapixels as its header declares them, checked before any decoding. */
    @WithDefault("50")
    int maxMegapixels();

    /** The long side of the stored image, in pixels; larger images are scaled down. */
    @WithDefault("2048")
    int longSide();

    /** The long side of the thumbnail, in pixels. */
    @WithDefault("320")
    int thumbnailSide();

    /** The largest request body of an upload: every file at its limit plus the form's own bytes. */
    default long maxRequestSize() {
        return maxFileSize().asLongValue() * maxFiles() + 64 * 1024;
    }
}
