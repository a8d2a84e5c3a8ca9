package org.communitydesk.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests of the pages: Debian's headless chromium, driven by Debian's chromedriver
 * (packages chromium and chromium-driver; .ci/run installs them). Both are given explicitly, so
 * Selenium Manager never runs and nothing is downloaded. Each browser has a throw-away profile, so a
 * test that opens its own browser (about a second) starts without cookies: use try-with-resources.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Most residents' phones ask for Chinese. */
    public static final String CHINESE_FIRST = "zh-CN,zh";
    static final Duration PATIENCE = Duration.ofSeconds(10);
    /**
     * Selenium warns that it has no DevTools bindings for this chromium version; the tests use plain
     * WebDriver, not DevTools, so the warning is noise. Held in a field: an unreferenced logger forgets its level.
     */
    private static final Logger DEVTOOLS_LOOKUP = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser whose user prefers Chinese. */
    public static Browser open() {
        return open(CHINESE_FIRST);
    }

    /** A browser that sends {@code acceptLanguages} (say "en-US,en") as its Accept-Language. */
    public static Browser open(String acceptLanguages) {
        for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(program)) {
                throw new IllegalStateException(program + " is missing. Browser tests need Debian's chromium and "
                        + "its driver: sudo apt-get install -y chromium chromium-driver");
            }
        }
        DEVTOOLS_LOOKUP.setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("communitydesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--lang=" + acceptLanguages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser visit(URL url) {
        driver.get(url.toString());
        return this;
    }

    /** A desk's screen (1366 × 900). */
    public Browser asDesk() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        return this;
    }

    /** A phone's screen (390 × 844 CSS pixels). */
    public Browser asPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        return this;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Types into a field, replacing what was there. */
    public Browser type(By field, String text) {
        WebElement input = find(field);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks something that loads another page, and waits until the new page has replaced the old one. */
    public Browser clickAndWait(By by) {
        return submitAndWait(() -> find(by).click());
    }

    /** Presses Enter in a field, as people do to send a form, and waits for the page it leads to. */
    public Browser pressEnterAndWait(By field) {
        return submitAndWait(() -> find(field).sendKeys(org.openqa.selenium.Keys.ENTER));
    }

    private Browser submitAndWait(Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        // Mid-navigation chromedriver may answer "node does not belong to the document" instead of
        // "stale element": that is the navigation we wait for, so such answers mean "ask again".
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(old));
        // The old page is gone, but the new one may still be loading; elements found now could vanish.
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Saves what the window shows as a PNG (for the README's screenshots), making the folders it needs. */
    public Browser screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save a screenshot to " + file, e);
        }
        return this;
    }

    /** Saves the whole page, not only the window: the window is made as tall as the page first. */
    public Browser screenshotWholePage(Path file, int width) {
        Object height = ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(width, ((Number) height).intValue() + 120));
        return screenshot(file);
    }

    /** Signs in through the login page, as a person would. */
    public Browser signIn(URL base, String username, String password) {
        try {
            visit(new URL(base, "/login"));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        return type(By.id("j_username"), username).type(By.id("j_password"), password)
                .clickAndWait(By.cssSelector("main button[type=submit]"));
    }

    /** The visible text of the page. */
    public String text() {
        return find(By.tagName("body")).getText();
    }

    /** Whether the page is wider than the window, which on a phone means scrolling sideways. */
    public boolean scrollsSideways() {
        Object wider = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }
}
