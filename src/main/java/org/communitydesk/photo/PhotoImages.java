package org.communitydesk.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.communitydesk.photo.PhotoProblems.PhotoTooLarge;
import org.communitydesk.photo.PhotoProblems.UnsupportedPhoto;

/**
 * Turns an upload into the image we keep: the type read from the first bytes (never the name or the
 * header), the declared size checked before decoding, then decoded (subsampled when far larger than
 * needed, so memory follows the output, not the input), turned upright by its EXIF orientation, scaled
 * and written as a new JPEG that carries no metadata at all. The GPS position is read for staff first.
 */
final class PhotoImages {

    static final String JPEG = "image/jpeg";
    private static final float QUALITY = 0.85f;

    static {
        // Quarkus' class loader is not the one ImageIO scanned at first use: register TwelveMonkeys' WebP reader.
        ImageIO.scanForPlugins();
    }

    enum Format {
        JPEG("jpeg"), PNG("png"), WEBP("webp");

        final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }
    }

    record Position(double latitude, double longitude) {
    }

    /** The stored image and its thumbnail, with their hashes, and the position the upload carried, if any. */
    record Processed(byte[] jpeg, String sha256, int width, int height, byte[] thumbnail, String thumbnailSha256,
            Position position) {
    }

    private final long maxPixels;
    private final int longSide;
    private final int thumbnailSide;
    private final DecodeBudget budget;
    private final Duration longestWait;

    PhotoImages(PhotoConfig config) {
        this.maxPixels = config.maxMegapixels() * 1_000_000L;
        this.longSide = config.longSide();
        this.thumbnailSide = config.thumbnailSide();
        this.budget = DecodeBudget.HEAP;
        this.longestWait = config.decodeWait();
    }

    Processed process(Path file, String label) {
        Format format = sniff(file, label);
        ImageReader reader = reader(format, label);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReadParam param;
            long need;
            try {
                reader.setInput(in, true, true);
                param = checkedSize(reader, label);
                need = bytesToProcess(reader, param);
            } catch (PhotoTooLarge | UnsupportedPhoto refused) {
                throw refused;
            } catch (IOException | RuntimeException broken) {
                // A header the reader trips on: the file is not an image we take.
                throw new UnsupportedPhoto(label, "does not decode as an image.");
            }
            try (DecodeBudget.Reservation memory = budget.reserve(need, longestWait)) {
                BufferedImage decoded = decode(reader, param, label);
                Metadata metadata = metadata(file);
                // Scaled before it is turned: the turn copies the image, and a copy of the smaller one costs less.
                BufferedImage scaled = orient(scale(decoded, longSide), orientation(metadata));
                byte[] jpeg = encode(scaled);
                byte[] thumbnail = encode(scale(scaled, thumbnailSide));
                return new Processed(jpeg, sha256(jpeg), scaled.getWidth(), scaled.getHeight(), thumbnail,
                        sha256(thumbnail), position(metadata));
            }
        } catch (IOException unreadable) {
            throw new UnsupportedPhoto(label, "does not decode as an image.");
        } finally {
            reader.dispose();
        }
    }

    /**
     * The most that processing this image takes: its decoded pixels at the decoder's own depth, the halving
     * steps down to the stored size (RGB, a third of the decoded pixels' count at 4 bytes), and the stored image
     * twice over (scaled, then turned upright).
     */
    private long bytesToProcess(ImageReader reader, ImageReadParam param) throws IOException {
        int step = Math.max(1, param.getSourceXSubsampling());
        long pixels = ((reader.getWidth(0) + step - 1) / step) * ((reader.getHeight(0) + step - 1) / step);
        ImageTypeSpecifier type = reader.getRawImageType(0);
        long bytesPerPixel = type == null ? 4 : Math.max(1, (type.getColorModel().getPixelSize() + 7) / 8);
        return pixels * bytesPerPixel + pixels * 4 / 3 + 2L * longSide * longSide * 4;
    }

    /** The type from the magic numbers; HEIC is named, to say what to send instead. */
    static Format sniff(Path file, String label) {
        byte[] head = new byte[16];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnsupportedPhoto(label, "could not be read.");
        }
        if (read >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (read >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return Format.PNG;
        }
        if (read >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return Format.WEBP;
        }
        if (read >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            throw new UnsupportedPhoto(label, "is HEIC/HEIF (or another ISO media file), which is not taken: set the "
                    + "phone's camera to \"most compatible\".");
        }
        throw new UnsupportedPhoto(label, "is not a JPEG, PNG or WebP image.");
    }

    private static ImageReader reader(Format format, String label) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) {
            throw new UnsupportedPhoto(label, "is " + format + ", for which this installation has no reader.");
        }
        return readers.next();
    }

    /**
     * The header's dimensions checked before a single pixel is decoded (a small file may declare a huge image),
     * and the subsampling that decodes a far larger image at about the stored size.
     */
    private ImageReadParam checkedSize(ImageReader reader, String label) throws IOException {
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new UnsupportedPhoto(label, "declares no size.");
        }
        if (width * height > maxPixels) {
            throw new PhotoTooLarge(label + " declares " + width + "×" + height + " pixels, more than the "
                    + (maxPixels / 1_000_000) + " megapixels taken.");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.max(1, Math.max(width, height) / longSide);
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return param;
    }

    private static BufferedImage decode(ImageReader reader, ImageReadParam param, String label) {
        // Decoders fill a cut-off image with grey and only warn: a truncated upload is refused, not stored half grey.
        List<String> truncation = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            String text = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
            if (text.contains("premature") || text.contains("end of") || text.contains("truncat")) {
                truncation.add(warning);
            }
        });
        BufferedImage image;
        try {
            image = reader.read(0, param);
        } catch (IOException | RuntimeException broken) {
            // Truncated, corrupt or hostile: whatever the decoder tripped on, the file is not an image we take.
            throw new UnsupportedPhoto(label, "does not decode as an image.");
        }
        if (image == null || !truncation.isEmpty()) {
            throw new UnsupportedPhoto(label, "does not decode as an image.");
        }
        return image;
    }

    /** The metadata, or none when the file's is unreadable (the image itself decoded, which is what counts). */
    private static Metadata metadata(Path file) {
        try {
            return ImageMetadataReader.readMetadata(file.toFile());
        } catch (Exception | StackOverflowError unreadable) {
            return null;
        }
    }

    static int orientation(Metadata metadata) {
        if (metadata == null) {
            return 1;
        }
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return 1;
        }
        try {
            int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return value >= 1 && value <= 8 ? value : 1;
        } catch (Exception notANumber) {
            return 1;
        }
    }

    static Position position(Metadata metadata) {
        if (metadata == null) {
            return null;
        }
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation location = gps == null ? null : gps.getGeoLocation();
        if (location == null || location.isZero() || Double.isNaN(location.getLatitude())
                || Math.abs(location.getLatitude()) > 90 || Math.abs(location.getLongitude()) > 180) {
            return null;
        }
        return new Position(location.getLatitude(), location.getLongitude());
    }

    /** Applies EXIF orientation 1–8 (TIFF 6.0), drawing onto an opaque RGB canvas (white under transparency). */
    static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Scaled so that the long side is at most {@code limit}, in halving steps (bilinear alone aliases badly). */
    static BufferedImage scale(BufferedImage image, int limit) {
        BufferedImage current = image;
        int targetW = image.getWidth();
        int targetH = image.getHeight();
        int longest = Math.max(targetW, targetH);
        if (longest <= limit) {
            return image;
        }
        targetW = Math.max(1, (int) Math.round((double) targetW * limit / longest));
        targetH = Math.max(1, (int) Math.round((double) targetH * limit / longest));
        while (current.getWidth() != targetW || current.getHeight() != targetH) {
            int w = Math.max(targetW, current.getWidth() / 2);
            int h = Math.max(targetH, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    /** A baseline JPEG with no metadata passed in: the writer adds only its JFIF header, no EXIF, no GPS. */
    static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
