package org.communitydesk.photo;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of photo uploads and storage, under {@code communitydesk.photos}. */
@ConfigMapping(prefix = "communitydesk.photos")
public interface PhotoConfig {

    /** Which store keeps the images: {@code filesystem} (default) or {@code s3}. */
    @WithDefault("filesystem")
    StoreKind store();

    enum StoreKind {
        FILESYSTEM, S3
    }

    /** The S3-compatible object store, read when {@code store=s3}. */
    S3 s3();

    /**
     * How old a stored file must be before housekeeping removes it for want of a row that names it: longer than any
     * upload takes between writing the file and committing its row.
     */
    @WithDefault("24H")
    Duration orphanGrace();

    interface S3 {
        /** The service's URL (MinIO, Ceph, OSS, COS…); absent for AWS itself, which the region then names. */
        Optional<URI> endpoint();

        /** The bucket; it must exist. */
        Optional<String> bucket();

        /** Keys go under this prefix (say {@code photos/}); none by default. */
        Optional<String> prefix();

        @WithDefault("us-east-1")
        String region();

        /** Bucket in the path (http://host/bucket/key) rather than the host name: most self-hosted stores want it. */
        @WithDefault("false")
        boolean pathStyle();

        /** With the secret below; without them the SDK's default chain (environment, profile, instance role) is used. */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }

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

    /**
     * How long an image waits for the memory that images processed at once share (half the heap) before the
     * upload is refused with 503; nothing of it is stored then.
     */
    @WithDefault("60s")
    Duration decodeWait();

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
