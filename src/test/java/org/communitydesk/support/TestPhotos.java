package org.communitydesk.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Photos for tests: small JPEGs of their own (a seed gives the same bytes again), and the upload call. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A 64×48 JPEG of noise from the seed: different seeds, different images (and hashes). */
    public static byte[] jpeg(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Uploads one image to the ticket as the signed-in user; the answer as it comes. */
    public static Response upload(String ticket, byte[] jpeg, String step, String visibility) {
        return given().header("X-Requested-With", "test").multiPart("file", "photo.jpg", jpeg, "image/jpeg")
                .multiPart("step", step).multiPart("visibility", visibility).when()
                .post("/api/tickets/{code}/photos", ticket);
    }
}
