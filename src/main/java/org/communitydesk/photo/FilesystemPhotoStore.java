package org.communitydesk.photo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The default store: one file per hash under {@code communitydesk.photos.directory}, in two levels of
 * folders (ab/cd/abcd….jpg) so no folder grows huge. A file is written beside its place and moved in
 * atomically, so a reader never sees half an image, and two instances writing the same photo agree.
 */
public class FilesystemPhotoStore implements PhotoStore {

    private final Path directory;

    public FilesystemPhotoStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Path> localDirectory() {
        return Optional.of(directory);
    }

    @Override
    public void put(String sha256, byte[] bytes) throws IOException {
        Path target = pathOf(sha256);
        try {
            // Already there: fresh again, so that the orphan sweep leaves it while the row that now names it commits.
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return;
        } catch (NoSuchFileException notYet) {
            // Written below.
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

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public void forEachStored(Consumer<Stored> each) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory, 3)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String hash = PhotoStore.hashOf(file.getFileName().toString());
                if (hash != null && Files.isRegularFile(file)) {
                    each.accept(new Stored(hash, Files.getLastModifiedTime(file).toInstant()));
                }
            }
        }
    }

    Path pathOf(String sha256) {
        return directory.resolve(PhotoStore.relativeName(sha256));
    }
}
