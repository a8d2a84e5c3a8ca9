package org.communitydesk.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made in the test, as a phone or an attacker would send them. */
public final class TestImages {

    private TestImages() {
    }

    /** Left half red, right half blue: after a quarter turn clockwise, red is on top. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone writes it: an EXIF APP1 right after SOI with Orientation and a GPS position (and a camera
     * serial in the maker's free text), written by hand since ImageIO writes no EXIF.
     */
    public static byte[] jpegWithExif(BufferedImage image, int orientation, double latitude, double longitude) {
        byte[] jpeg = encode(image, "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(200);
        tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
        // IFD0 at 8: Orientation, ImageDescription, GPS IFD pointer.
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(16).putInt(164);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(50);
        tiff.putInt(0);
        // GPS IFD at 50: N/S, latitude, E/W, longitude.
        tiff.position(50);
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { (byte) (latitude >= 0 ? 'N' : 'S'), 0, 0, 0 });
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(116);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] { (byte) (longitude >= 0 ? 'E' : 'W'), 0, 0, 0 });
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(140);
        tiff.putInt(0);
        tiff.position(116);
        putDegrees(tiff, Math.abs(latitude));
        putDegrees(tiff, Math.abs(longitude));
        tiff.position(164);
        tiff.put("SERIAL-XY123456".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void putDegrees(ByteBuffer tiff, double value) {
        int degrees = (int) value;
        double minutesAll = (value - degrees) * 60;
        int minutes = (int) minutesAll;
        long hundredthsOfSeconds = Math.round((minutesAll - minutes) * 60 * 100);
        tiff.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) hundredthsOfSeconds).putInt(100);
    }

    /** A valid PNG header declaring {@code width}×{@code height} pixels, followed by a few bytes of "data". */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1 });
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
