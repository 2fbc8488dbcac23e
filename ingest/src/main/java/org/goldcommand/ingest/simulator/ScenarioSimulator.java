package org.goldcommand.ingest.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.goldcommand.events.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link Scenario} against a running ingest: several times a second it moves the
 * simulated clock on (see {@link Timeline}), and sends everything that has become due through
 * every adapter in its own format: HTTP feeds batched per organisation and feed, ADT over MLLP,
 * Encounters over FHIR. With {@code runHours} set it stops at that simulated hour and
 * {@link #finished()} completes once every message has been answered.
 */
public final class ScenarioSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScenarioSimulator.class);
  private static final long TICK_MS = 200;

  private final Clock clock;
  private final Timeline timeline;
  private final Scenario scenario;
  private final SimulatorStats stats;
  private final IngestClient ingest;
  private final Hl7Sender hl7;
  private final Instant end;
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "scenario-simulator");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean reachedEnd;

  /** A simulator for {@code settings}, on {@code reference}, keeping ingest's receipts when {@code keepReceipts}. */
  public ScenarioSimulator(SimulatorSettings settings, ReferenceData reference, Clock clock, boolean keepReceipts) {
    this.clock = clock;
    this.timeline = Timeline.starting(clock.instant(), settings.speed(), settings.startHour());
    this.scenario = new Scenario(ScenarioPlan.of(reference, settings.seed(), timeline.dayStart(), settings.hl7(),
        settings.fhir(), settings.norovirusTrust(), settings.fridgeFailureSite()));
    this.stats = new SimulatorStats(keepReceipts);
    this.ingest = new IngestClient(settings.ingestUrl(), settings.apiKey(), stats, 16);
    this.hl7 = settings.hl7() ? new Hl7Sender(settings.mllpHost(), settings.mllpPort(), stats, 4) : null;
    this.end = settings.runHours() == 0 ? Instant.MAX
        : timeline.scenarioTime(clock.instant()).plus(Duration.ofHours(settings.runHours()));
  }

  /** Starts playing; what is already due (the day so far) goes at once. */
  public void start() {
    LOG.info("Simulating {} from {} (day starts {}), departments under pressure {}, norovirus at {}, fridge failure at {}",
        scenario.plan().reference().version(), timeline.scenarioTime(clock.instant()), timeline.dayStart(),
        scenario.pressuredDepartments(), scenario.plan().norovirusTrust(), scenario.plan().fridgeFailureSite());
    ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      if (!reachedEnd) {
        Instant now = timeline.scenarioTime(clock.instant());
        if (!now.isBefore(end)) {
          now = end.minusMillis(1);
          reachedEnd = true;
        }
        dispatch(scenario.advanceTo(now));
      } else if (stats.pending() == 0) {
        finished.complete(null);
        ticker.shutdown();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Simulator tick failed", e);
    }
  }

  private void dispatch(List<Outbound> due) throws InterruptedException {
    Map<String, List<Object>> batches = new LinkedHashMap<>();
    Map<String, Feed> feeds = new LinkedHashMap<>();
    for (Outbound outbound : due) {
      if (outbound instanceof Outbound.FeedRecord record) {
        String key = record.feed() + "/" + record.orgCode();
        feeds.putIfAbsent(key, record.feed());
        batches.computeIfAbsent(key, k -> new ArrayList<>()).add(record.record());
      } else if (outbound instanceof Outbound.Hl7Message message && hl7 != null) {
        hl7.send(message);
      } else if (outbound instanceof Outbound.FhirEncounter encounter) {
        ingest.sendFhir(encounter.json());
      }
    }
    for (Map.Entry<String, List<Object>> batch : batches.entrySet()) {
      ingest.send(feeds.get(batch.getKey()), batch.getValue());
    }
  }

  /** The day being played. */
  public Scenario scenario() {
    return scenario;
  }

  /** Where the day lies on the real clock. */
  public Timeline timeline() {
    return timeline;
  }

  /** What has been sent and what became of it. */
  public SimulatorStats stats() {
    return stats;
  }

  /** Completes when a run with an end has reached it and every message has been answered. */
  public CompletableFuture<Void> finished() {
    return finished;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      // Let a round in flight finish before its MLLP connection goes, so stopping is quiet.
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (hl7 != null) {
      hl7.close();
    }
  }
}
