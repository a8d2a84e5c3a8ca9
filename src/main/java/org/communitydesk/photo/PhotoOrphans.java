package org.communitydesk.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Removes stored files that no photo row names: an upload writes its files before it commits its rows, so a crash
 * (or a refused insert) in between leaves files behind, and so may a removal whose delete failed. Only files older
 * than {@code communitydesk.photos.orphan-grace} go, so an upload in flight keeps its files. Run by housekeeping.
 */
@ApplicationScoped
public class PhotoOrphans {

    private static final Logger LOG = Logger.getLogger(PhotoOrphans.class);
    private static final int BATCH = 500;

    @Inject
    PhotoStore store;

    @Inject
    PhotoConfig config;

    /** Deletes the orphans stored before {@code now} less the grace; returns how many went. Needs a transaction. */
    public long sweep(Instant now) {
        Instant cutOff = now.minus(config.orphanGrace());
        List<String> old = new ArrayList<>();
        try {
            store.forEachStored(stored -> {
                if (stored.storedAt().isBefore(cutOff)) {
                    old.add(stored.sha256());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The photo store could not be listed", e);
        }
        long removed = 0;
        for (int from = 0; from < old.size(); from += BATCH) {
            List<String> batch = old.subList(from, Math.min(old.size(), from + BATCH));
            Set<String> named = named(batch);
            for (String hash : batch) {
                if (!named.contains(hash)) {
                    try {
                        store.delete(hash);
                        removed++;
                    } catch (IOException e) {
                        LOG.warnf("The unused photo file %s could not be deleted (%s); the next run tries again.", hash,
                                e.getMessage());
                    }
                }
            }
        }
        if (removed > 0) {
            LOG.infof("Removed %d photo file(s) that no photo names, stored before %s.", removed, cutOff);
        }
        return removed;
    }

    private static Set<String> named(List<String> hashes) {
        Set<String> named = new HashSet<>(Photo.getEntityManager()
                .createQuery("select p.sha256 from Photo p where p.sha256 in ?1", String.class)
                .setParameter(1, hashes).getResultList());
        named.addAll(Photo.getEntityManager()
                .createQuery("select p.thumbnailSha256 from Photo p where p.thumbnailSha256 in ?1", String.class)
                .setParameter(1, hashes).getResultList());
        return named;
    }
}
