package org.communitydesk.photo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where the image bytes live, named by their SHA-256 (lower-case hex): content-addressed, so storing the same
 * bytes twice keeps one copy, and a name never points at different bytes. Two implementations: the filesystem
 * (default) and an S3-compatible object store, chosen by {@code communitydesk.photos.store} (see {@link PhotoStores}).
 */
public interface PhotoStore {

    /** Stores the bytes under their hash, unless they are there already. */
    void put(String sha256, byte[] bytes) throws IOException;

    /** The stored bytes; an {@link java.io.FileNotFoundException} when there are none. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256) throws IOException;

    /** Removes the bytes; nothing happens when there are none. */
    void delete(String sha256) throws IOException;

    /** Hands every stored hash, with when it was written, to {@code each} (for the orphan sweep). */
    void forEachStored(Consumer<Stored> each) throws IOException;

    /** The directory of a filesystem store (which the backup copies); empty for an object store. */
    default Optional<Path> localDirectory() {
        return Optional.empty();
    }

    /** One stored file or object. */
    record Stored(String sha256, Instant storedAt) {
    }

    /** Both stores name a hash ab/cd/abcd….jpg, so that no folder (or listing) grows huge. */
    static String relativeName(String sha256) {
        if (!Hashes.SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256);
        }
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256 + ".jpg";
    }

    /** The hash a stored name stands for, or null for a name that is not one of ours (a .part file, say). */
    static String hashOf(String name) {
        int slash = name.lastIndexOf('/');
        String file = slash < 0 ? name : name.substring(slash + 1);
        if (!file.endsWith(".jpg")) {
            return null;
        }
        String hash = file.substring(0, file.length() - ".jpg".length());
        return Hashes.SHA256.matcher(hash).matches() ? hash : null;
    }

    /** The pattern of a hash, kept out of the interface's public face. */
    final class Hashes {
        static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        private Hashes() {
        }
    }
}
