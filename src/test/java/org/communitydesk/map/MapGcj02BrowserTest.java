package org.communitydesk.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.map.MapPages.hongan;
import static org.communitydesk.map.MapPages.metresPerPixel;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.Map;
import org.communitydesk.directory.Datum;
import org.communitydesk.directory.Datum.Position;
import org.communitydesk.directory.Footprint;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, "Done when": with a GCJ-02 tile source (as AMap's), the same WGS-84 spot is drawn about 610 m away on
 * the tiles, where AMap shows that place, and a click there is stored back in WGS-84. The test tiles stand for
 * GCJ-02 ones; what is measured is where the page puts things on them.
 */
@QuarkusTest
@TestProfile(MapGcj02BrowserTest.Gcj02Tiles.class)
class MapGcj02BrowserTest {

    public static class Gcj02Tiles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("communitydesk.map.datum", "gcj02");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void theSpotMovesAbout610MetresOnGcj02Tiles() throws Exception {
        Footprint hongan = hongan();
        Position spot = MapBrowserTest.spotOf(hongan);
        String code = MapBrowserTest.callAtASpot(hongan).path("code");
        for (boolean phone : new boolean[] {false, true}) {
            try (Browser browser = Browser.open()) {
                browser.asDesk().signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                if (phone) {
                    browser.asPhone();
                }
                MapBrowserTest.Pixel at = MapBrowserTest.spotOnTicketPage(browser, base, code, "zh", Datum.GCJ02, spot);
                MapPages.Pixel wgs = MapPages.mercator(spot, at.measured().z());
                double metres = at.measured().distance(wgs) * metresPerPixel(spot.latitude(), at.measured().z());
                assertThat(metres).as("the marker's shift from where WGS-84 tiles would have it, m").isBetween(590.0, 630.0);
                assertThat(at.measured().x()).as("GCJ-02 lies east").isGreaterThan(wgs.x());
            }
        }
    }

    @Test
    void aClickOnGcj02TilesIsStoredInWgs84() throws Exception {
        try (Browser browser = Browser.open("en-US,en")) {
            browser.asDesk().signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
            JsonPath stored = MapPages.clickHonganAndSave(browser, base, Datum.GCJ02, "en");
            Footprint hongan = hongan();
            // Stored as the GCJ-02 numbers, it would be about 610 m off and outside 宏安小区.
            assertThat(hongan.metresTo(stored.getDouble("location.latitude"), stored.getDouble("location.longitude")))
                    .isLessThan(50);
        }
    }
}
