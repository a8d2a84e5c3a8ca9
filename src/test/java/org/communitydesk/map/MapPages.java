package org.communitydesk.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.directory.Datum;
import org.communitydesk.directory.Datum.Position;
import org.communitydesk.directory.Footprint;
import org.communitydesk.support.Browser;
import org.communitydesk.support.TicketApi;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the map tests measure: where on the tiles (in Web Mercator pixels at the tiles' zoom) a point of the page
 * sits, read from a loaded tile's z/x/y and its place on the screen; and where a WGS-84 position should sit.
 */
final class MapPages {

    /** Metres per pixel at the equator at zoom 0 (Web Mercator, 256-pixel tiles). */
    private static final double EQUATOR_METRES_PER_PIXEL = 156_543.033_928;
    private static final Pattern TILE = Pattern.compile("/test-tiles/(\\d+)/(\\d+)/(\\d+)\\.png");

    private MapPages() {
    }

    /** A point on the tiles: Web Mercator pixels at zoom z. */
    record Pixel(double x, double y, int z) {

        double distance(Pixel other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    static Pixel mercator(Position p, int z) {
        double size = 256 * Math.pow(2, z);
        double phi = Math.toRadians(p.latitude());
        return new Pixel((p.longitude() + 180) / 360 * size,
                (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * size, z);
    }

    static double metresPerPixel(double latitude, int z) {
        return EQUATOR_METRES_PER_PIXEL * Math.cos(Math.toRadians(latitude)) / Math.pow(2, z);
    }

    /** 宏安小区's footprint as the directory has it now (WGS-84). */
    static Footprint hongan() {
        return footprint("beixinyuan", "hongan");
    }

    /** A compound's footprint as the directory has it now (WGS-84). */
    static Footprint footprint(String community, String site) {
        JsonPath sites = given().queryParam("community", community).when().get("/api/sites").then().statusCode(200)
                .extract().jsonPath();
        String at = "find { it.code == '" + site + "' }.footprint.";
        return new Footprint(sites.getDouble(at + "latitude"), sites.getDouble(at + "longitude"),
                sites.getInt(at + "radiusMetres"));
    }

    static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    /** Waits until the map's tiles have loaded, and checks that every one is a real 256-pixel image. */
    static void tilesLoaded(Browser browser, String mapId) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> (Boolean) js(browser,
                "var m = document.getElementById(arguments[0]); if (!m) return false;"
                        + "var all = m.querySelectorAll('img.leaflet-tile');"
                        + "return all.length > 0 && m.querySelectorAll('img.leaflet-tile-loaded').length === all.length"
                        + " && !m.querySelector('.leaflet-zoom-anim');", mapId));
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) js(browser, "return Array.prototype.map.call(document.getElementById("
                + "arguments[0]).querySelectorAll('img.leaflet-tile'), function (i) { return i.naturalWidth; });", mapId);
        assertThat(widths).as("tiles of #" + mapId).isNotEmpty().allSatisfy(w -> assertThat(w.intValue()).isEqualTo(256));
    }

    /** The tile pixel under a point of the window, by way of one loaded tile of the map. */
    static Pixel onTiles(Browser browser, String mapId, double clientX, double clientY) {
        @SuppressWarnings("unchecked")
        List<Object> tile = (List<Object>) js(browser, "var i = document.getElementById(arguments[0])"
                + ".querySelector('img.leaflet-tile-loaded'); var r = i.getBoundingClientRect();"
                + "return [i.getAttribute('src'), r.left, r.top, r.width];", mapId);
        Matcher m = TILE.matcher((String) tile.get(0));
        assertThat(m.find()).as("a test tile: " + tile.get(0)).isTrue();
        double scale = 256 / ((Number) tile.get(3)).doubleValue();
        return new Pixel(Long.parseLong(m.group(2)) * 256 + (clientX - ((Number) tile.get(1)).doubleValue()) * scale,
                Long.parseLong(m.group(3)) * 256 + (clientY - ((Number) tile.get(2)).doubleValue()) * scale,
                Integer.parseInt(m.group(1)));
    }

    /** The tile pixel at the centre of an element (a marker). */
    static Pixel onTiles(Browser browser, String mapId, WebElement element) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) js(browser, "var r = arguments[0].getBoundingClientRect();"
                + "return [r.left + r.width / 2, r.top + r.height / 2];", element);
        return onTiles(browser, mapId, r.get(0).doubleValue(), r.get(1).doubleValue());
    }

    /** Where a WGS-84 position is drawn on tiles of the given datum. */
    static Position drawnAt(Position wgs, Datum tiles) {
        return tiles.fromWgs84(wgs.latitude(), wgs.longitude());
    }

    /**
     * Intake: clicks 宏安小区's centre as the tiles show it, checks the fields and the suggested compound, saves the
     * call and returns its code, with the position the API stores.
     */
    static JsonPath clickHonganAndSave(Browser browser, URL base, Datum tiles, String lang) throws Exception {
        Footprint hongan = hongan();
        Position centre = new Position(hongan.latitude(), hongan.longitude());
        browser.visit(new URL(base, "/console/intake?lang=" + lang));
        tilesLoaded(browser, "intake-map");
        WebElement map = browser.find(By.id("intake-map"));
        js(browser, "arguments[0].scrollIntoView({block: 'center'});", map);
        // The window point of the centre: from a tile's place, the centre's tile pixel in the tiles' datum.
        Pixel reference = onTiles(browser, "intake-map", 0, 0);
        Pixel target = mercator(drawnAt(centre, tiles), reference.z());
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) js(browser, "var r = arguments[0].getBoundingClientRect();"
                + "return [r.left + r.width / 2, r.top + r.height / 2];", map);
        double clientX = target.x() - reference.x(), clientY = target.y() - reference.y();
        int dx = (int) Math.round(clientX - box.get(0).doubleValue());
        int dy = (int) Math.round(clientY - box.get(1).doubleValue());
        new Actions(browser.driver()).moveToElement(map, dx, dy).click().perform();

        // A click lands within a pixel or two (Selenium rounds the offset and the element's centre).
        double tolerance = 2.5 * metresPerPixel(centre.latitude(), reference.z());
        double latitude = Double.parseDouble(browser.find(By.id("latitude")).getAttribute("value"));
        double longitude = Double.parseDouble(browser.find(By.id("longitude")).getAttribute("value"));
        assertThat(hongan.metresTo(latitude, longitude)).as("the clicked point, in WGS-84, from the centre (m)")
                .isLessThan(tolerance);
        assertThat(new Select(browser.find(By.id("site"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("hongan");
        assertThat(new Select(browser.find(By.id("community"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("beixinyuan");
        assertThat(browser.find(By.id("map-suggestion")).getText()).contains(lang.equals("zh") ? "宏安小区" : "Hong'an");

        new Select(browser.find(By.id("category"))).selectByValue("sewer-blockage");
        browser.type(By.id("description"), "地图点选 " + UUID.randomUUID());
        browser.type(By.id("reporterName"), "点图先生");
        browser.clickAndWait(By.id("save"));
        if (!browser.driver().findElements(By.id("save-new")).isEmpty()) {
            browser.clickAndWait(By.id("save-new")); // other tests' tickets at 宏安小区 are offered as duplicates
        }
        String url = browser.driver().getCurrentUrl();
        assertThat(url).contains("/console/tickets/");
        String code = url.replaceAll(".*/console/tickets/([^?#]+).*", "$1");
        JsonPath stored = TicketApi.get(code).then().statusCode(200).extract().jsonPath();
        // As submitted, give or take the JSON reader's float (a few tenths of a metre).
        assertThat(stored.getDouble("location.latitude")).isCloseTo(latitude, org.assertj.core.data.Offset.offset(5e-6));
        assertThat(stored.getDouble("location.longitude")).isCloseTo(longitude, org.assertj.core.data.Offset.offset(5e-6));
        assertThat(stored.getString("location.site.code")).isEqualTo("hongan");
        return stored;
    }
}
