package org.goldcommand.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.goldcommand.platform.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person meets them, in a real headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs): the wall changes colour when a trust's figures change,
 * and a trust with no feed submits its return through the form and sees what was refused and why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

  Standalone standalone;
  WebDriver browser;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    StandaloneConfig config = StandaloneConfig.from(new Settings(Map.of(
        "GC_DATA_DIR", data.toString(),
        "GC_KAFKA_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_KAFKA_CONTROLLER_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_POSTGRES_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_DASHBOARD_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_INGEST_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_STREAMS_PORT", "0", "GC_HL7_PORT", "0",
        "GC_SIMULATOR_INTERVAL_MS", "0", "GC_SCENARIO_SPEED", "0")));
    standalone = Standalone.start(config);
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1920,1080");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (standalone != null) {
      standalone.close();
    }
  }

  WebDriverWait waiting(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  String sitrep(int occupied) {
    return """
        {"submissionId":"%s","orgCode":"RXL","asAt":"%s","beds":{"gaCoreOpen":690,"gaEscalationOpen":10,"gaOccupied":%d}}
        """.formatted(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS), occupied);
  }

  int post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + standalone.ingestPort() + "/v1/sitreps"))
        .header("Authorization", "Bearer demo-key-rxl").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void theWallTileChangesColourWhenATrustsOccupancyRises() throws Exception {
    assertThat(post(sitrep(560))).isEqualTo(202);
    browser.get("http://localhost:" + standalone.dashboardPort() + "/wall");
    By tile = By.cssSelector("section.tile[data-org='RXL']");
    waiting(20).until(d -> !d.findElements(tile).isEmpty() && "1".equals(d.findElement(tile).getAttribute("data-band")));
    String calm = browser.findElement(tile).getCssValue("border-left-color");

    assertThat(post(sitrep(695))).isEqualTo(202);
    waiting(10).until(d -> "4".equals(d.findElement(tile).getAttribute("data-band")));
    WebElement pressed = browser.findElement(tile);
    assertThat(pressed.getCssValue("border-left-color")).isNotEqualTo(calm);
    assertThat(pressed.getText()).contains("99.3%").contains("OPEL 4").contains("695 / 700")
        .contains("Driven by: G&A occupancy 99.3% (level 4)");
    assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Live");
    waiting(15).until(d -> d.findElement(By.id("system-pressure")).getText().contains("a trust at OPEL 4"));
    assertThat(browser.findElement(By.id("system-pressure")).getText()).startsWith("QE1 OPEL");
  }

  @Test
  void aTrustSubmitsItsReturnThroughTheFormAndSeesWhatWasWrong() {
    browser.get("http://localhost:" + standalone.dashboardPort() + "/submit");
    browser.findElement(By.id("key")).sendKeys("demo-key-rxl");
    browser.findElement(By.cssSelector("#key-form button")).click();
    waiting(15).until(d -> d.findElement(By.id("work")).isDisplayed());

    WebElement core = browser.findElement(By.name("beds.gaCoreOpen"));
    WebElement occupied = browser.findElement(By.name("beds.gaOccupied"));
    core.sendKeys("690");
    occupied.sendKeys("720");
    browser.findElement(By.id("send")).click();
    waiting(10).until(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
    assertThat(occupied.getAttribute("class")).contains("invalid");
    assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("more than the 690 G&A beds open");

    occupied.clear();
    occupied.sendKeys("650");
    browser.findElement(By.id("send")).click();
    waiting(10).until(d -> d.findElement(By.id("result")).getText().contains("Accepted"));
    waiting(15).until(d -> d.findElement(By.id("recent")).getText().contains("650 / 690"));
    assertThat(browser.findElement(By.id("refused")).getText()).contains("422");
  }
}
