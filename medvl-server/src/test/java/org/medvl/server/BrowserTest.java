package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.server.load.CalibrationModels;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's headless Chromium (driven through /usr/bin/chromedriver; nothing is downloaded): upload a DICOM,
 * see the preview, generate a report, ask a question, score findings, switch the window preset (the server renders a
 * new preview), and save a screenshot. Skips with a message
 * where chromium or chromium-driver is not installed ({@code apt-get install -y chromium chromium-driver}).
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    @Test
    void uploadReportAndAnswerInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium,"
                        + " /usr/bin/chromedriver)");
        Path dcm = tmp.resolve("chest.dcm");
        Files.write(dcm, TestImages.dicom());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try (TestServer s = TestServer.start(CalibrationModels.all())) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                driver.get(s.base + "/");
                wait.until(d -> d.findElement(By.cssSelector("[data-panel=report] .note")).getText().startsWith("Model:"));
                driver.findElement(By.id("file")).sendKeys(dcm.toString());
                wait.until(d -> d.findElement(By.id("preview")).isDisplayed()
                        && d.findElement(By.id("generate")).isEnabled());
                driver.findElement(By.id("generate")).click();
                wait.until(d -> d.findElement(By.id("report")).getText().startsWith("CALIBRATION OUTPUT"));
                driver.findElement(By.id("question")).sendKeys("Is there a pleural effusion?");
                driver.findElement(By.id("ask")).click();
                wait.until(d -> d.findElement(By.id("answer")).getText().contains("%"));
                driver.findElement(By.id("findings-run")).click();
                wait.until(d -> d.findElements(By.cssSelector("#findings .bar")).size() == 10);
                assertTrue(driver.findElement(By.id("window")).isDisplayed(), "window/level shown for DICOM");
                String before = driver.findElement(By.id("preview")).getAttribute("src");
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("preset"))).selectByValue("bone");
                wait.until(d -> !before.equals(d.findElement(By.id("preview")).getAttribute("src")));
                assertTrue(driver.findElement(By.id("center-out")).getText().equals("400"),
                        "the sliders show the bone preset's centre");
                assertTrue(driver.findElement(By.id("disclaimer")).getText().contains("not diagnoses"));
                String page = driver.getPageSource();
                for (String v : TestImages.IDENTIFYING) {
                    assertFalse(page.contains(v), "identifying value on the page: " + v);
                }
                byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                Path out = Path.of(System.getProperty("medvl.screenshots", "target/screenshots"));
                Files.createDirectories(out);
                Files.write(out.resolve("workbench.png"), png);
                System.out.println("screenshot: " + out.resolve("workbench.png").toAbsolutePath());
            } finally {
                driver.quit();
            }
        }
    }
}
