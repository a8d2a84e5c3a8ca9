package org.communitydesk.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The default store: one file per hash under {@code communitydesk.photos.directory}, in two levels of
 * folders (ab/cd/abcd….jpg) so no folder grows huge. A file is written beside its place and moved in
 * atomically, so a reader never sees half an image, and two instances writing the same photo agree.
 */
@ApplicationScoped
public class FilesystemPhotoStore implements PhotoStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    PhotoConfig config;

    @Override
    public void put(String sha256, byte[] bytes) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), sha256, ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameBytesAlreadyThere) {
            // Another request stored the same photo meanwhile: same name, same bytes.
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path path = pathOf(sha256);
        if (!Files.exists(path)) {
            throw new FileNotFoundException("No stored photo " + sha256);
        }
        return Files.newInputStream(path);
    }

    @Override
    public boolean contains(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256);
        }
        return Path.of(config.directory(), sha256.substring(0, 2), sha256.substring(2, 4), sha256 + ".jpg");
    }
}
