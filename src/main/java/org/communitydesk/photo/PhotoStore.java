package org.communitydesk.photo;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the image bytes live, named by their SHA-256 (lower-case hex): content-addressed, so storing the same
 * bytes twice keeps one copy, and a name never points at different bytes.
 */
public interface PhotoStore {

    /** Stores the bytes under their hash, unless they are there already. */
    void put(String sha256, byte[] bytes) throws IOException;

    /** The stored bytes; an {@link java.io.FileNotFoundException} when there are none. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256) throws IOException;
}
