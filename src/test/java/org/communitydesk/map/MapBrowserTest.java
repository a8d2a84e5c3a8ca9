package org.communitydesk.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.communitydesk.map.MapPages.drawnAt;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.directory.Datum;
import org.communitydesk.directory.Datum.Position;
import org.communitydesk.directory.Footprint;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21, point 2, in a real browser with tiles the tests draw (support.TestTiles, WGS-84 like Tianditu), offline:
 * the ticket's spot at its pixel on a desk and a phone, a click at intake stored in WGS-84 with the compound
 * suggested, the dashboard's compounds on the tiles linking to the queue, and the status page's compound without
 * the spot. Screenshots go to target/screenshots.
 */
@QuarkusTest
class MapBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

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

    @Test
    void theDashboardDrawsTheCompoundsOnTheTilesEachLinkingToItsQueue() throws Exception {
        callAtASpot(hongan());
        for (String lang : List.of("zh", "en")) {
            try (Browser browser = Browser.open(lang.equals("zh") ? Browser.CHINESE_FIRST : "en-US,en")) {
                browser.asDesk().signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
                browser.visit(new URL(base, "/dashboard?lang=" + lang));
                WebElement map = browser.find(By.id("dashboard-map"));
                js(browser, "arguments[0].scrollIntoView({block: 'center'});", map);
                tilesLoaded(browser, "dashboard-map");
                List<WebElement> circles = browser.driver().findElements(By.cssSelector("#dashboard-map path.map-place"));
                List<WebElement> marks = browser.driver().findElements(By.cssSelector("#place-map a[data-lat]"));
                assertThat(circles).as("one circle per compound of the drawing").hasSize(marks.size()).isNotEmpty();
                assertThat(browser.driver().findElement(By.id("place-map")).isDisplayed())
                        .as("the drawing gives way to the map").isFalse();
                browser.screenshot(SHOTS.resolve("map-dashboard-desk-" + lang + ".png"));
                browser.asPhone().visit(new URL(base, "/dashboard?lang=" + lang));
                tilesLoaded(browser, "dashboard-map");
                assertThat(browser.scrollsSideways()).isFalse();
                js(browser, "arguments[0].scrollIntoView({block: 'center'});", browser.find(By.id("dashboard-map")));
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
            MapPages.Pixel centre = null;
            WebElement nearest = null;
            double best = Double.MAX_VALUE;
            for (WebElement circle : browser.driver().findElements(By.cssSelector("#dashboard-map path.map-place"))) {
                MapPages.Pixel at = onTiles(browser, "dashboard-map", circle);
                centre = mercator(new Position(hongan.latitude(), hongan.longitude()), at.z());
                if (at.distance(centre) < best) {
                    best = at.distance(centre);
                    nearest = circle;
                }
            }
            assertThat(best).as("hongan's circle from its centre, px").isLessThan(1.5);
            nearest.click();
            assertThat(honganQueue).contains("site=hongan");
            assertThat(browser.driver().getCurrentUrl()).endsWith(honganQueue);
        }
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
