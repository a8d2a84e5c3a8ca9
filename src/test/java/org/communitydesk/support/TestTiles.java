package org.communitydesk.support;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import io.vertx.core.buffer.Buffer;

/**
 * Map tiles drawn by the tests, so that the browser tests of the maps need no network and no key: the test profile
 * points communitydesk.map.tiles at /test-tiles/{z}/{x}/{y}.png. Each tile is a 256-pixel square with a border and a
 * shade from its x and y, so that tiles are told apart in screenshots. A Vert.x route, so it is no API operation.
 */
@ApplicationScoped
public class TestTiles {

    public static final int SIZE = 256;

    void install(@Observes Router router) {
        router.get("/test-tiles/:z/:x/:y").handler(context -> {
            int z = Integer.parseInt(context.pathParam("z"));
            long x = Long.parseLong(context.pathParam("x"));
            long y = Long.parseLong(context.pathParam("y").replace(".png", ""));
            context.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(tile(z, x, y)));
        });
    }

    static byte[] tile(int z, long x, long y) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int shade = (int) ((x * 7 + y * 13 + z) % 5) * 6;
        g.setColor(new Color(226 - shade, 236 - shade / 2, 222));
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(new Color(200, 205, 200));
        for (int i = 32; i < SIZE; i += 32) {
            g.drawLine(i, 0, i, SIZE);
            g.drawLine(0, i, SIZE, i);
        }
        g.setColor(new Color(150, 160, 170));
        g.drawRect(0, 0, SIZE - 1, SIZE - 1);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
