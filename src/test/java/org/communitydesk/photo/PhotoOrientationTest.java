package org.communitydesk.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EXIF orientations 1–8 (TIFF 6.0 / Exif 2.3): every pixel of a 3×2 image lands where a viewer would show it. */
class PhotoOrientationTest {

    private static final int W = 3;
    private static final int H = 2;

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
    void eachOrientationIsTurnedUpright(int orientation) {
        BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < W; x++) {
            for (int y = 0; y < H; y++) {
                stored.setRGB(x, y, colour(x, y));
            }
        }

        BufferedImage shown = PhotoImages.orient(stored, orientation);

        // For each shown pixel (X, Y): the stored pixel it comes from.
        BiFunction<Integer, Integer, int[]> source = switch (orientation) {
            case 2 -> (x, y) -> new int[] { W - 1 - x, y };
            case 3 -> (x, y) -> new int[] { W - 1 - x, H - 1 - y };
            case 4 -> (x, y) -> new int[] { x, H - 1 - y };
            case 5 -> (x, y) -> new int[] { y, x };
            case 6 -> (x, y) -> new int[] { y, H - 1 - x };
            case 7 -> (x, y) -> new int[] { W - 1 - y, H - 1 - x };
            case 8 -> (x, y) -> new int[] { W - 1 - y, x };
            default -> (x, y) -> new int[] { x, y };
        };
        boolean turned = orientation >= 5;
        assertThat(shown.getWidth()).isEqualTo(turned ? H : W);
        assertThat(shown.getHeight()).isEqualTo(turned ? W : H);
        for (int x = 0; x < shown.getWidth(); x++) {
            for (int y = 0; y < shown.getHeight(); y++) {
                int[] from = source.apply(x, y);
                assertThat(shown.getRGB(x, y) & 0xFFFFFF).as("orientation %d, pixel %d,%d", orientation, x, y)
                        .isEqualTo(colour(from[0], from[1]));
            }
        }
    }

    private static int colour(int x, int y) {
        return (40 + 60 * x) << 16 | (50 + 100 * y) << 8 | 7;
    }
}
