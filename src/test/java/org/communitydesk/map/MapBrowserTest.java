package org.communitydesk.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.communitydesk.map.MapPages.drawnAt;
import static org.communitydesk.map.MapPages.footprint;
import static org.communitydesk.map.MapPages.hongan;
import static org.communitydesk.map.MapPages.js;
import static org.communitydesk.map.MapPages.mercator;
import static org.communitydesk.map.MapPages.onTiles;
import static org.communitydesk.map.MapPages.tilesLoaded;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import jakarta.inject.Inject;
import org.communitydesk.dashboard.PlaceMap;
import org.communitydesk.directory.Datum;
import org.communitydesk.directory.Datum.Position;
import org.communitydesk.directory.Footprint;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21, point 2, in a real browser with tiles the tests draw (support.TestTiles, WGS-84 like Tianditu), offline:
 * the ticket's spot at its pixel on a desk and a phone, a click at intake stored in WGS-84 with the compound
 * suggested, the dashboard's compounds on the tiles linking to the queue with its trouble spots ringed, and the status
 * page's compound without
 * the spot. Screenshots go to target/screenshots.
 */
@QuarkusTest
class MapBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    /** A call at a spot 33 m north and 34 m east of 宏安小区's centre, inside its footprint. */
    static Response callAtASpot(Footprint hongan) {
        Map<String, Object> body = TicketApi.intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("description", "井盖位置 " + UUID.randomUUID());
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) body.get("location");
        location.put("latitude", spotOf(hongan).latitude());
        location.put("longitude", spotOf(hongan).longitude());
        return TicketApi.create(body).then().statusCode(201).extract().response();
    }

    static Position spotOf(Footprint hongan) {
        return new Position(hongan.latitude() + 0.0003, hongan.longitude() + 0.0004);
    }

    /** The spot's marker on the ticket page, where the tiles (of the given datum) have that position. */
    static Pixel spotOnTicketPage(Browser browser, URL base, String code, String lang, Datum tiles, Position spot)
            throws Exception {
        browser.visit(new URL(base, "/console/tickets/" + code + "?lang=" + lang));
        WebElement map = browser.find(By.id("ticket-map"));
        js(browser, "arguments[0].scrollIntoView({block: 'center'});", map);
        tilesLoaded(browser, "ticket-map");
        MapPages.Pixel measured = onTiles(browser, "ticket-map", browser.find(By.cssSelector("#ticket-map .map-spot")));
        MapPages.Pixel expected = mercator(drawnAt(spot, tiles), measured.z());
        assertThat(measured.distance(expected)).as("the marker's distance from its expected pixel, px").isLessThan(1.5);
        return new Pixel(measured, expected);
    }

    record Pixel(MapPages.Pixel measured, MapPages.Pixel expected) {
    }

    @Test
    void theTicketPageShowsTheSpotAtItsPixelOnADeskAndAPhoneWithALinkForTheMapApp() throws Exception {
        Footprint hongan = hongan();
        Position spot = spotOf(hongan);
        String code = callAtASpot(hongan).path("code");
        for (String lang : List.of("zh", "en")) {
            try (Browser browser = Browser.open(lang.equals("zh") ? Browser.CHINESE_FIRST : "en-US,en")) {
                browser.asDesk().signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                spotOnTicketPage(browser, base, code, lang, Datum.WGS84, spot);
                String at = String.format(Locale.ROOT, "%.6f,%.6f", spot.latitude(), spot.longitude());
                assertThat(browser.find(By.id("map-app-link")).getAttribute("href")).isEqualTo("geo:" + at + "?q=" + at);
                Position gcj = Datum.GCJ02.fromWgs84(spot.latitude(), spot.longitude());
                assertThat(browser.find(By.id("amap-link")).getAttribute("href"))
                        .contains(String.format(Locale.ROOT, "position=%.6f,%.6f", gcj.longitude(), gcj.latitude()))
                        .contains("coordinate=gaode");
                browser.screenshot(SHOTS.resolve("map-ticket-desk-" + lang + ".png"));

                browser.asPhone();
                spotOnTicketPage(browser, base, code, lang, Datum.WGS84, spot);
                assertThat(browser.scrollsSideways()).as("the ticket page with its map fits a phone").isFalse();
                WebElement link = browser.find(By.id("map-app-link"));
                assertThat(link.getRect().getHeight()).as("touch target height").isGreaterThanOrEqualTo(44);
                browser.screenshot(SHOTS.resolve("map-ticket-phone-" + lang + ".png"));
            }
        }
    }

    @Test
    void aClickAtIntakeFillsTheFieldsInWgs84SuggestsTheCompoundAndIsStored() throws Exception {
        for (String lang : List.of("zh", "en")) {
            try (Browser browser = Browser.open(lang.equals("zh") ? Browser.CHINESE_FIRST : "en-US,en")) {
                browser.asDesk().signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                MapPages.clickHonganAndSave(browser, base, Datum.WGS84, lang);
                browser.visit(new URL(base, "/console/intake?lang=" + lang));
                tilesLoaded(browser, "intake-map");
                browser.screenshot(SHOTS.resolve("map-intake-desk-" + lang + ".png"));
                browser.asPhone().visit(new URL(base, "/console/intake?lang=" + lang));
                tilesLoaded(browser, "intake-map");
                assertThat(browser.scrollsSideways()).as("intake with its map fits a phone").isFalse();
            }
        }
    }

    /**
     * Work at three compounds, as the demo data has it: three overflows at 建筑三公司家属院 (a recurring trouble spot),
     * a lift, two street lights and two sanitation calls at 槐园北区 (no category three times: no trouble spot) and the
     * spot at 宏安小区; 30 hours later the overflows (12 hours to resolve) and the lift (24) are late, so the circles
     * take all three colours.
     */
    private void workAtThreeCompounds() {
        for (int i = 0; i < 3; i++) {
            TicketApi.createTicket("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        }
        TicketApi.createTicket("lift-outage", "huaiyuan", "huaiyuan-north");
        for (String category : List.of("street-light", "street-light", "sanitation", "sanitation")) {
            TicketApi.createTicket(category, "huaiyuan", "huaiyuan-north");
        }
        callAtASpot(hongan());
        clock.advance(Duration.ofHours(30));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDashboardDrawsTheCompoundsOnTheTilesEachLinkingToItsQueueWithTheTroubleSpotsRinged() throws Exception {
        workAtThreeCompounds();
        for (String lang : List.of("zh", "en")) {
            try (Browser browser = Browser.open(lang.equals("zh") ? Browser.CHINESE_FIRST : "en-US,en")) {
                browser.asDesk().signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                browser.visit(new URL(base, "/dashboard?lang=" + lang));
                WebElement map = browser.find(By.id("dashboard-map"));
                js(browser, "arguments[0].scrollIntoView({block: 'center'});", map);
                tilesLoaded(browser, "dashboard-map");
                List<WebElement> circles = browser.driver().findElements(By.cssSelector("#dashboard-map path.map-place"));
                List<WebElement> marks = browser.driver().findElements(By.cssSelector("#place-map a[data-lat]"));
                assertThat(circles).as("one circle per compound of the drawing").hasSize(marks.size()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(browser.driver().findElement(By.id("place-map")).isDisplayed())
                        .as("the drawing gives way to the map").isFalse();
                troubleSpotsAreRinged(browser, lang);
                browser.screenshot(SHOTS.resolve("map-dashboard-desk-" + lang + ".png"));
                browser.asPhone().visit(new URL(base, "/dashboard?lang=" + lang));
                tilesLoaded(browser, "dashboard-map");
                assertThat(browser.scrollsSideways()).isFalse();
                js(browser, "arguments[0].scrollIntoView({block: 'center'});", browser.find(By.id("dashboard-map")));
                tilesLoaded(browser, "dashboard-map");
                troubleSpotsAreRinged(browser, lang);
                browser.screenshot(SHOTS.resolve("map-dashboard-phone-" + lang + ".png"));
            }
        }
        try (Browser browser = Browser.open()) {
            browser.asDesk().signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
            browser.visit(new URL(base, "/dashboard"));
            tilesLoaded(browser, "dashboard-map");
            String honganQueue = browser.driver().findElement(By.cssSelector("#place-map a[data-site='hongan']"))
                    .getDomAttribute("href");
            // The hongan circle: the one drawn nearest its centre on the tiles.
            Footprint hongan = hongan();
            WebElement nearest = nearestTo(browser, "#dashboard-map path.map-place", hongan);
            assertThat(distanceFrom(browser, nearest, hongan)).as("hongan's circle from its centre, px").isLessThan(1.5);
            nearest.click();
            assertThat(honganQueue).contains("site=hongan");
            assertThat(browser.driver().getCurrentUrl()).endsWith(honganQueue);
        }
    }

    /**
     * The compounds of the trouble-spot table are ringed, the others not, in the drawing (which works without script)
     * and on the tiles; 建筑三公司家属院's ring sits on its centre; the legend says what a ring means.
     */
    private static void troubleSpotsAreRinged(Browser browser, String lang) {
        Set<String> troubleSpots = new TreeSet<>();
        browser.driver().findElements(By.cssSelector("#hotspot-list tbody tr[data-site]"))
                .forEach(row -> troubleSpots.add(row.getDomAttribute("data-site")));
        assertThat(troubleSpots).contains("jianzhu-no3");
        List<WebElement> ringed = new ArrayList<>();
        for (WebElement mark : browser.driver().findElements(By.cssSelector("#place-map a[data-lat]"))) {
            String site = mark.getDomAttribute("data-site");
            boolean ring = !mark.findElements(By.cssSelector("circle.trouble-ring")).isEmpty();
            assertThat(ring).as("the ring of " + site).isEqualTo(troubleSpots.contains(site));
            assertThat("true".equals(mark.getDomAttribute("data-trouble"))).isEqualTo(ring);
            if (ring) {
                ringed.add(mark);
            }
        }
        WebElement jianzhu = browser.driver().findElement(By.cssSelector("#place-map a[data-site='jianzhu-no3']"));
        assertThat(jianzhu.getDomAttribute("aria-label")).contains(lang.equals("zh") ? "反复报修点：污水外溢"
                : "a recurring trouble spot for Sewage overflow");
        List<WebElement> rings = browser.driver().findElements(By.cssSelector("#dashboard-map path.map-trouble"));
        assertThat(rings).as("one ring on the tiles per ringed compound").hasSameSizeAs(ringed);
        Footprint centre = footprint("zhenxingjie", "jianzhu-no3");
        assertThat(distanceFrom(browser, nearestTo(browser, "#dashboard-map path.map-trouble", centre), centre))
                .as("建筑三公司家属院's ring from its centre, px").isLessThan(1.5);
        assertThat(rings.get(0).getAttribute("stroke")).isEqualTo(PlaceMap.Mark.TROUBLE_RING);
        assertThat(browser.find(By.id("trouble-legend")).getText()).isEqualTo(lang.equals("zh")
                ? "紫色圈：反复报修点（见上表）" : "Purple ring: recurring trouble spot (see the table above)");
    }

    private static WebElement nearestTo(Browser browser, String css, Footprint place) {
        WebElement nearest = null;
        double best = Double.MAX_VALUE;
        for (WebElement drawn : browser.driver().findElements(By.cssSelector(css))) {
            double distance = distanceFrom(browser, drawn, place);
            if (distance < best) {
                best = distance;
                nearest = drawn;
            }
        }
        assertThat(nearest).as(css).isNotNull();
        return nearest;
    }

    private static double distanceFrom(Browser browser, WebElement drawn, Footprint place) {
        MapPages.Pixel at = onTiles(browser, "dashboard-map", drawn);
        return at.distance(mercator(new Position(place.latitude(), place.longitude()), at.z()));
    }

    @Test
    void theStatusPageShowsTheResidentsCompoundButNeverTheSpot() throws Exception {
        Footprint hongan = hongan();
        Response created = callAtASpot(hongan);
        Position spot = spotOf(hongan);
        try (Browser browser = Browser.open().asPhone()) {
            browser.visit(new URL(base, "/status?lang=en"));
            browser.type(By.id("code"), created.path("code")).type(By.id("accessCode"), created.path("accessCode"))
                    .clickAndWait(By.cssSelector("button[type=submit]"));
            tilesLoaded(browser, "status-map");
            WebElement map = browser.find(By.id("status-map"));
            assertThat(Double.parseDouble(map.getAttribute("data-area-lat"))).isCloseTo(hongan.latitude(), offset(1e-9));
            assertThat(Integer.parseInt(map.getAttribute("data-area-r"))).isEqualTo(hongan.radiusMetres());
            String page = browser.driver().getPageSource();
            for (String spotText : List.of(Double.toString(spot.latitude()), String.format(Locale.ROOT, "%.4f", spot.latitude()),
                    String.format(Locale.ROOT, "%.4f", spot.longitude()))) {
                assertThat(page).as("the spot is not on the resident's page").doesNotContain(spotText);
            }
            assertThat(browser.driver().findElements(By.cssSelector("#status-map .map-spot"))).isEmpty();
            assertThat(browser.scrollsSideways()).isFalse();
        }
    }
}
