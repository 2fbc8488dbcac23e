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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.goldcommand.platform.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person meets them, in a real headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs), against one real Standalone for the class: the wall
 * signed in with {@code ?as=}, a tile turning OPEL 4 when a trust's beds fill up, a STALE badge on a
 * trust whose figures are all past their limits, the sign-in page for a browser with no token, the
 * trust detail view with its measures and charts, the wall as one column on a phone, and a trust
 * with no feed submitting its return through the form and seeing what was refused and why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

  static final Dimension WALL = new Dimension(1920, 1080);
  static final Dimension PHONE = new Dimension(390, 844);

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
    viewport(WALL);
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

  Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  /** Sizes the window so that the page itself (the viewport) is exactly this big. */
  void viewport(Dimension size) {
    browser.manage().window().setSize(size);
    @SuppressWarnings("unchecked")
    List<Number> inner = (List<Number>) script("return [window.innerWidth, window.innerHeight]");
    browser.manage().window().setSize(new Dimension(2 * size.width - inner.get(0).intValue(),
        2 * size.height - inner.get(1).intValue()));
  }

  String dashboard(String path) {
    return "http://localhost:" + standalone.dashboardPort() + path;
  }

  String sitrep(String org, Instant asAt, int gaCoreOpen, int gaOccupied, int ccOpen, int ccOccupied) {
    return sitrep(org, asAt, gaCoreOpen, gaOccupied, ccOpen, ccOccupied, 0, 0);
  }

  String sitrep(String org, Instant asAt, int gaCoreOpen, int gaOccupied, int ccOpen, int ccOccupied, int nctr,
      double staffAbsencePct) {
    return """
        {"submissionId":"%s","orgCode":"%s","asAt":"%s","beds":{"gaCoreOpen":%d,"gaEscalationOpen":0,"gaOccupied":%d,
         "adultCriticalCareOpen":%d,"adultCriticalCareOccupied":%d},"discharge":{"nctr":%d},"staffAbsencePct":%s}
        """.formatted(UUID.randomUUID(), org, asAt.truncatedTo(ChronoUnit.SECONDS), gaCoreOpen, gaOccupied, ccOpen,
        ccOccupied, nctr, staffAbsencePct);
  }

  /** Posts a sitrep to ingest with the trust's demo key; answers the status. */
  int post(String org, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + standalone.ingestPort() + "/v1/sitreps"))
        .header("Authorization", "Bearer demo-key-" + org.toLowerCase(Locale.ROOT))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static By tile(String org) {
    return By.cssSelector("section.tile[data-org='" + org + "']");
  }

  @Test
  void theWallTileTurnsOpel4WhenATrustsBedsFillUp() throws Exception {
    assertThat(post("RXN", sitrep("RXN", Instant.now(), 870, 700, 36, 20))).isEqualTo(202);
    browser.get(dashboard("/wall?as=viewer-lsc"));
    By rxn = tile("RXN");
    waiting(30).until(d -> !d.findElements(rxn).isEmpty() && "1".equals(d.findElement(rxn).getAttribute("data-level")));
    String calm = browser.findElement(rxn).findElement(By.cssSelector(".opel")).getCssValue("background-color");
    assertThat(browser.findElement(rxn).findElement(By.cssSelector(".opel-number")).getText()).isEqualTo("1");
    assertThat(browser.findElement(rxn).getText()).contains("No parameter above level 1");

    // G&A occupancy 99.1%, no criteria to reside 23% of occupied beds and staff absence 9% are each
    // level 4 in the scoring table, critical care at 100% level 3: together OPEL 4.
    assertThat(post("RXN", sitrep("RXN", Instant.now(), 870, 862, 36, 36, 200, 9.0))).isEqualTo(202);
    waiting(15).until(d -> "4".equals(d.findElement(rxn).getAttribute("data-level")));
    WebElement pressed = browser.findElement(rxn);
    assertThat(pressed.findElement(By.cssSelector(".opel")).getCssValue("background-color")).isNotEqualTo(calm);
    assertThat(pressed.findElement(By.cssSelector(".opel-number")).getText()).isEqualTo("4");
    assertThat(pressed.findElement(By.cssSelector(".opel")).getAttribute("aria-label")).isEqualTo("OPEL level 4");
    assertThat(Double.parseDouble(pressed.findElement(By.cssSelector(".score-value")).getText())).isGreaterThanOrEqualTo(75);
    assertThat(pressed.findElement(By.cssSelector(".driver")).getText()).contains("L4").contains("G&A occupancy")
        .contains("99.1%");
    assertThat(pressed.findElement(By.cssSelector(".drivers")).getText()).contains("Staff absence").contains("9%");
    assertThat(pressed.getText()).contains("G&A beds 862 / 870 · critical care 36 / 36").contains("Figures as at");
    assertThat(pressed.findElements(By.cssSelector(".badge.stale"))).isEmpty();
    assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Live");
    assertThat(browser.findElement(By.id("who")).getText()).contains("Command room wall").contains("Sign out");
    waiting(15).until(d -> d.findElement(By.id("system-pressure")).getText().contains("a trust at OPEL 4"));
    assertThat(browser.findElement(By.id("system-pressure")).getText()).startsWith("QE1 OPEL");
  }

  @Test
  void aTrustWhoseFiguresAreAllPastTheirLimitsIsMarkedStale() throws Exception {
    // A sitrep's bed figures are stale after 26 hours in the scoring table: one from 27 hours ago
    // is accepted, but nothing in it is fresh enough to score, for a trust with no other data.
    assertThat(post("RXR", sitrep("RXR", Instant.now().minus(Duration.ofHours(27)), 900, 800, 20, 15)))
        .isEqualTo(202);
    browser.get(dashboard("/wall?as=viewer-lsc"));
    By rxr = tile("RXR");
    // The tile is redrawn every few seconds (its age), so read it whole in one go, retrying a redraw.
    waiting(30).ignoring(StaleElementReferenceException.class).until(d -> {
      if (d.findElements(rxr).isEmpty() || !"true".equals(d.findElement(rxr).getAttribute("data-stale"))) {
        return false;
      }
      WebElement stale = d.findElement(rxr);
      WebElement badge = stale.findElement(By.cssSelector(".badge.stale"));
      return badge.isDisplayed() && "⚠ STALE".equals(badge.getText())
          && badge.getAttribute("title").contains("every parameter is past its staleness limit")
          && "–".equals(stale.findElement(By.cssSelector(".opel-number")).getText())
          && stale.getText().contains("No score: no fresh figures") && stale.getText().contains("27 h");
    });
  }

  @Test
  void withoutATokenThePagesSendYouToSignIn() {
    browser.get(dashboard("/pages/signin.html"));
    script("sessionStorage.clear()");
    browser.get(dashboard("/wall"));
    waiting(15).until(d -> d.getCurrentUrl().contains("/pages/signin.html?next=%2Fwall"));
    By viewer = By.cssSelector("button.person[data-user='viewer-lsc']");
    waiting(15).until(d -> !d.findElements(viewer).isEmpty());
    assertThat(browser.findElement(viewer).getText()).contains("Command room wall").contains("viewer")
        .contains("system QE1");

    browser.findElement(viewer).click();
    waiting(15).until(d -> d.getCurrentUrl().endsWith("/wall")
        && d.findElement(By.id("who")).getText().contains("Command room wall"));
    waiting(15).until(d -> "Live".equals(d.findElement(By.id("connection")).getText()));

    browser.findElement(By.cssSelector("#who .sign-out")).click();
    waiting(15).until(d -> d.getCurrentUrl().contains("/pages/signin.html"));
    browser.get(dashboard("/wall/trust/RXN"));
    waiting(15).until(d -> d.getCurrentUrl().contains("/pages/signin.html?next=%2Fwall%2Ftrust%2FRXN"));
  }

  @Test
  void theTrustDetailViewShowsEveryMeasureAndItsCharts() throws Exception {
    assertThat(post("RXN", sitrep("RXN", Instant.now(), 870, 800, 36, 30))).isEqualTo(202);
    browser.get(dashboard("/wall?as=viewer-lsc"));
    waiting(30).until(d -> !d.findElements(tile("RXN")).isEmpty());
    browser.findElement(tile("RXN")).findElement(By.cssSelector("a.tile-link")).click();
    waiting(15).until(d -> d.getCurrentUrl().endsWith("/wall/trust/RXN"));

    By ga = By.cssSelector("#measures tbody tr[data-measure='gaOccupancyPct']");
    waiting(30).until(d -> !d.findElements(ga).isEmpty());
    assertThat(browser.findElement(ga).getText()).contains("G&A occupancy").contains("%").contains("15");
    assertThat(browser.findElement(By.cssSelector("#measures tbody tr[data-measure='gaOccupied']")).getText())
        .contains("G&A beds occupied");
    assertThat(browser.findElement(By.id("trust-name")).getText()).isEqualTo("Lancashire Teaching");
    assertThat(browser.findElement(By.cssSelector("#summary .opel-number")).getText()).matches("[1-4]");

    waiting(15).until(d -> !d.findElements(By.cssSelector(".chart-card[data-chart='score'] .uplot canvas")).isEmpty()
        && !d.findElements(By.cssSelector(".chart-card[data-chart='gaOccupancyPct'] .uplot canvas")).isEmpty());
    browser.findElement(By.cssSelector(".ranges button[data-hours='168']")).click();
    assertThat(browser.findElement(By.cssSelector(".ranges button[data-hours='168']")).getAttribute("aria-pressed"))
        .isEqualTo("true");
    waiting(15).until(d -> {
      String note = d.findElement(By.id("history-note")).getText();
      return !note.isEmpty() && !note.startsWith("Loading");
    });
  }

  @Test
  void onAPhoneTheTilesAreOneReadableColumn() throws Exception {
    assertThat(post("RTX", sitrep("RTX", Instant.now(), 660, 600, 16, 12))).isEqualTo(202);
    assertThat(post("RXN", sitrep("RXN", Instant.now(), 870, 780, 36, 30))).isEqualTo(202);
    try {
      viewport(PHONE);
      browser.get(dashboard("/wall?as=viewer-lsc"));
      waiting(30).until(d -> d.findElements(By.cssSelector("section.tile[data-level]:not([data-level=''])")).size() >= 2);
      List<WebElement> tiles = browser.findElements(By.cssSelector("section.tile"));
      int left = tiles.get(0).getRect().getX();
      for (WebElement t : tiles) {
        assertThat(t.getRect().getX()).isEqualTo(left);
        assertThat(t.getRect().getX() + t.getRect().getWidth()).isLessThanOrEqualTo(PHONE.width);
      }
      assertThat(tiles.get(1).getRect().getY()).isGreaterThan(tiles.get(0).getRect().getY());
      assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
          .as("page width; wider elements: %s", script("return [...document.querySelectorAll('body *')]"
              + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
              + ".map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 40)).slice(0, 5)"))
          .isLessThanOrEqualTo(PHONE.width);
      WebElement first = tiles.get(0);
      assertThat(px(first.findElement(By.cssSelector("h2")).getCssValue("font-size"))).isGreaterThanOrEqualTo(18);
      assertThat(px(first.findElement(By.cssSelector(".opel-number")).getCssValue("font-size"))).isGreaterThanOrEqualTo(32);
      assertThat(px(first.findElement(By.cssSelector(".drivers")).getCssValue("font-size"))).isGreaterThanOrEqualTo(14);
    } finally {
      viewport(WALL);
    }
  }

  static double px(String cssSize) {
    return Double.parseDouble(cssSize.replace("px", ""));
  }

  @Test
  void aTrustSubmitsItsReturnThroughTheFormAndSeesWhatWasWrong() {
    browser.get(dashboard("/submit"));
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
