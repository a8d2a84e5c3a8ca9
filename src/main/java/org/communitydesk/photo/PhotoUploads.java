package org.communitydesk.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communitydesk.common.ProblemException;
import org.communitydesk.photo.PhotoProblems.PhotoTooLarge;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The uploaded files of a form or a request, turned into photos ready to be recorded: the number and size of
 * the files checked first, then each decoded, re-encoded and written to the store. Nothing here touches a
 * ticket: the caller records the {@link Prepared} photos with {@link PhotoService#add(String, PhotoStep,
 * org.communitydesk.ticket.Visibility, Prepared, org.communitydesk.ticket.Caller)} in the transaction of
 * its change, so that a refused change records no photo and a refused photo leaves the ticket as it was.
 */
@ApplicationScoped
public class PhotoUploads {

    /** What went wrong with the files, so that a page can say it in its own words. */
    public enum Refusal {
        /** More files than one upload takes. */
        TOO_MANY_FILES,
        /** A file over the size limit. */
        FILE_TOO_LARGE,
        /** An image that declares more pixels than are taken. */
        TOO_MANY_PIXELS,
        /** Not a JPEG, PNG or WebP image, or one that does not decode. */
        NOT_AN_IMAGE,
        /** Other photos held the memory for processing images longer than a photo waits for it. */
        BUSY
    }

    /** Photos decoded, re-encoded and stored, not yet recorded on a ticket. */
    public static final class Prepared {

        static final Prepared NONE = new Prepared(List.of());

        final List<PhotoImages.Processed> images;

        Prepared(List<PhotoImages.Processed> images) {
            this.images = List.copyOf(images);
        }

        public boolean isEmpty() {
            return images.isEmpty();
        }

        public int size() {
            return images.size();
        }
    }

    @Inject
    PhotoConfig config;

    @Inject
    PhotoService photos;

    private volatile PhotoImages images;

    public int maxFiles() {
        return config.maxFiles();
    }

    /** The per-file limit in whole megabytes, as the pages state it. */
    public long maxFileMegabytes() {
        return config.maxFileSize().asLongValue() / (1024 * 1024);
    }

    /**
     * The files of a form, checked, processed and stored. A file input left empty sends a part without a name
     * or bytes: such parts are no photo. Throws {@link RefusedPhotos} (413 or 415) for the first refused file;
     * nothing of the upload is recorded then.
     */
    public Prepared prepare(List<FileUpload> files) {
        List<FileUpload> sent = files == null ? List.of()
                : files.stream().filter(f -> f != null && !(f.size() == 0 && blank(f.fileName()))).toList();
        if (sent.isEmpty()) {
            return Prepared.NONE;
        }
        if (sent.size() > config.maxFiles()) {
            throw new RefusedPhotos(Refusal.TOO_MANY_FILES, new PhotoTooLarge(
                    sent.size() + " files sent; at most " + config.maxFiles() + " are taken at once."));
        }
        long maxFile = config.maxFileSize().asLongValue();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).size() > maxFile) {
                throw new RefusedPhotos(Refusal.FILE_TOO_LARGE, new PhotoTooLarge("File " + (i + 1) + " has "
                        + sent.get(i).size() + " bytes; at most " + maxFileMegabytes() + " MB are taken per file."));
            }
        }
        List<PhotoImages.Processed> processed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                processed.add(images().process(sent.get(i).uploadedFile(), "File " + (i + 1)));
            } catch (PhotoTooLarge pixels) {
                throw new RefusedPhotos(Refusal.TOO_MANY_PIXELS, pixels);
            } catch (PhotoProblems.UnsupportedPhoto notAnImage) {
                throw new RefusedPhotos(Refusal.NOT_AN_IMAGE, notAnImage);
            } catch (DecodeBudget.Busy busy) {
                throw new RefusedPhotos(Refusal.BUSY, busy);
            }
        }
        photos.storeAll(processed);
        return new Prepared(processed);
    }

    /** An upload refused (413, 415, or 503 when it waited too long), with the rule it broke. */
    public static final class RefusedPhotos extends ProblemException {

        private final Refusal refusal;
        private final Map<String, String> headers;

        RefusedPhotos(Refusal refusal, ProblemException problem) {
            super(problem.status(), problem.type(), problem.title(), problem.detail());
            this.refusal = refusal;
            this.headers = problem.headers();
        }

        public Refusal refusal() {
            return refusal;
        }

        @Override
        public Map<String, String> headers() {
            return headers;
        }
    }

    private PhotoImages images() {
        if (images == null) {
            images = new PhotoImages(config);
        }
        return images;
    }

    private static boolean blank(String name) {
        return name == null || name.isBlank();
    }
}
