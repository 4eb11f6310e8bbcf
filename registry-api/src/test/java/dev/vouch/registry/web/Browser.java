package dev.vouch.registry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromium-driver, one per test class. Where either is not
 * installed the class is skipped with a {@code SKIPPED:} line, and the skip is recorded in
 * {@code target/browser-tests/skipped} so {@code .ci/run} can refuse a run that did not test the pages.
 */
final class Browser implements AutoCloseable {

    static final Path RECORDS = Path.of("target", "browser-tests");
    /** Debian's paths; {@code -Dvouch.chromium=PATH} and {@code -Dvouch.chromedriver=PATH} name others. */
    private static final List<Path> CHROMIUM =
            candidates("vouch.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");

    private static final List<Path> DRIVER =
            candidates("vouch.chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /**
     * Selenium looks for DevTools bindings of this exact Chromium version and warns when it has none;
     * these tests use WebDriver alone. Held in a field: the logging framework keeps loggers weakly.
     */
    private static final java.util.logging.Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** A started browser, or the calling test class skipped when Chromium or its driver is missing. */
    static Browser start(String testClass) {
        Optional<Path> chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst();
        Optional<Path> driver = DRIVER.stream().filter(Files::isExecutable).findFirst();
        String missing = chromium.isEmpty()
                ? "chromium is not installed (apt-get install chromium chromium-driver)"
                : driver.isEmpty() ? "chromedriver is not installed (apt-get install chromium-driver)" : "";
        if (!missing.isEmpty()) {
            System.out.println("SKIPPED: " + testClass + ": " + missing);
            record("skipped", testClass + ": " + missing);
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // Root in CI has no user namespace sandbox; the pages under test are our own.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1440,1000",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        Browser browser = new Browser(new ChromeDriver(service, options));
        record("ran", testClass);
        return browser;
    }

    /** Saves a screenshot of the whole page at {@code width} pixels wide to {@code target/screenshots/name}. */
    Path screenshot(String name, int width, int maxHeight) {
        driver.manage().window().setSize(new Dimension(width, 900));
        long height = (Long)
                ((JavascriptExecutor) driver).executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, maxHeight)));
        Path target = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(new Dimension(1440, 1000));
        return target;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static List<Path> candidates(String property, String... defaults) {
        String named = System.getProperty(property);
        return named != null
                ? List.of(Path.of(named))
                : java.util.Arrays.stream(defaults).map(Path::of).toList();
    }

    private static void record(String file, String line) {
        try {
            Files.createDirectories(RECORDS);
            Files.writeString(
                    RECORDS.resolve(file),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
