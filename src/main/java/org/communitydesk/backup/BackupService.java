package org.communitydesk.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.communitydesk.photo.PhotoStore;
import org.jboss.logging.Logger;

/**
 * Online backups of the embedded H2 database with H2's own {@code BACKUP TO}: it copies the
 * database file into a ZIP from a consistent snapshot while requests keep reading and writing.
 * The filesystem photo store goes into the same ZIP. PostgreSQL installations back up with pg_dump instead,
 * and S3 installations their bucket (README, "Backup and restore").
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    /** H2's error code for BACKUP on an in-memory database. */
    private static final int H2_DATABASE_IS_NOT_PERSISTENT = 90126;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BackupConfig config;

    @Inject
    Clock clock;

    @Inject
    PhotoStore photoStore;

    // One backup at a time: two would copy the same file twice for nothing.
    private final ReentrantLock running = new ReentrantLock();

    /** Writes a new backup file and says where it is; refuses on databases H2's BACKUP cannot copy. */
    public BackupView backUp() {
        if (!running.tryLock()) {
            throw new BackupUnavailableProblem("running", "A backup is being written right now. Try again when it has finished.");
        }
        try {
            return write();
        } finally {
            running.unlock();
        }
    }

    private BackupView write() {
        Instant started = clock.instant();
        Path directory = Path.of(config.directory()).toAbsolutePath().normalize();
        String name = "communitydesk-" + STAMP.format(started) + ".zip";
        Path target = directory.resolve(name);
        // Written under another name first, so that a file named *.zip is always a complete backup.
        Path partial = directory.resolve(name + ".part");
        try (Connection connection = dataSource.getConnection()) {
            var metaData = connection.getMetaData();
            String product = metaData.getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                throw new BackupUnavailableProblem("not-h2", "This installation runs on " + product + ", which H2's online "
                        + "backup cannot copy. Back it up with pg_dump -Fc and restore with pg_restore (README, "
                        + "\"Backup and restore\").");
            }
            if (metaData.getURL() != null && metaData.getURL().startsWith("jdbc:h2:mem:")) {
                throw inMemory();
            }
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                throw new BackupUnavailableProblem("running", "A backup named " + name + " exists already. Try again.");
            }
            try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, partial.toString());
                backup.execute();
            }
            long photoFiles = addPhotos(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(target);
            long millis = Duration.between(started, clock.instant()).toMillis();
            LOG.infof("Backup written to %s (%d bytes, %d photo files, in %d ms).", target, size, photoFiles, millis);
            return new BackupView(name, directory.toString(), size, started, millis, photoFiles);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_IS_NOT_PERSISTENT) {
                throw inMemory();
            }
            deleteQuietly(partial);
            LOG.errorf(e, "The backup to %s failed: %s. Check that the database user has H2 admin rights (the user that "
                    + "created the database has them) and that the disk has room; the service keeps running.",
                    target, e.getMessage());
            throw new BackupFailedProblem("The database could not write the backup (" + e.getMessage() + "). Nothing "
                    + "was changed; the server log says what to check.");
        } catch (IOException e) {
            deleteQuietly(partial);
            LOG.errorf(e, "The backup directory %s cannot be written: %s. Point communitydesk.backup.directory at a "
                    + "writable directory with room for a copy of the database; the service keeps running.",
                    directory, e.getMessage());
            throw new BackupFailedProblem("The backup directory on the server cannot be written. Nothing was changed; "
                    + "the server log says what to check (the setting communitydesk.backup.directory).");
        }
    }

    /**
     * Copies the filesystem photo store into the ZIP under photos/ (ab/cd/hash.jpg, as on disk). Copied after the
     * database snapshot, so every photo the snapshot names is there: an upload writes its files before its row.
     * Files of later uploads may come along; housekeeping removes them after a restore as files no row names.
     */
    private long addPhotos(Path zip) throws IOException {
        Path photos = photoStore.localDirectory().orElse(null);
        if (photos == null || !Files.isDirectory(photos)) {
            return 0;
        }
        long copied = 0;
        // Deflated, although JPEGs hardly compress: the zip file system writes STORED entries with a data descriptor,
        // which streaming readers (java.util.zip.ZipInputStream, and so many restore tools) refuse.
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of());
                Stream<Path> files = Files.walk(photos, 3)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".jpg")) {
                    Path entry = archive.getPath("photos", photos.relativize(file).toString().replace('\\', '/'));
                    Files.createDirectories(entry.getParent());
                    try {
                        Files.copy(file, entry);
                        copied++;
                    } catch (NoSuchFileException removedMeanwhile) {
                        // A photo removed since the listing: not needed.
                    }
                }
            }
        }
        return copied;
    }

    private static BackupUnavailableProblem inMemory() {
        return new BackupUnavailableProblem("in-memory", "This installation runs on an in-memory H2 database, which "
                + "keeps nothing to back up. Use a file database (jdbc:h2:file:...) for data worth keeping.");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not remove the incomplete backup %s (%s); delete it by hand.", file, e.getMessage());
        }
    }
}
