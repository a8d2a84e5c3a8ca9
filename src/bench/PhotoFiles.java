import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes COUNT JPEGs of 4000×3000 (a phone's 12 MP) of about 4 MB each into DIR: a gradient with noise, so that
 * the encoder cannot squeeze them to nothing. Run with `java PhotoFiles.java DIR COUNT` (no build needed).
 */
public class PhotoFiles {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int n = 0; n < count; n++) {
            Random random = new Random(n);
            BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), 4000, 3000,
                    new Color(random.nextInt(0xffffff))));
            g.fillRect(0, 0, 4000, 3000);
            g.dispose();
            for (int y = 0; y < 3000; y++) {
                for (int x = 0; x < 4000; x++) {
                    int rgb = image.getRGB(x, y);
                    int noise = random.nextInt(72) - 36;
                    int r = clamp(((rgb >> 16) & 0xff) + noise);
                    int gr = clamp(((rgb >> 8) & 0xff) + noise);
                    int b = clamp((rgb & 0xff) + noise);
                    image.setRGB(x, y, (r << 16) | (gr << 8) | b);
                }
            }
            ImageIO.write(image, "jpg", dir.resolve(String.format("photo-%03d.jpg", n)).toFile());
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
