package org.goldcommand.ingest.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.platform.Settings;

/** Runs the feed simulator on its own against an ingest URL, as the compose profile does. */
public final class SimulatorMain {

  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    Settings settings = Settings.fromEnvironment();
    URI ingest = URI.create(settings.text("GC_SIMULATOR_INGEST_URL", "http://localhost:8081"));
    String key = settings.text("GC_SIMULATOR_API_KEY", null);
    int intervalMs = settings.integer("GC_SIMULATOR_INTERVAL_MS", 5_000, 100, 3_600_000);
    int minutesPerTick = settings.integer("GC_SIMULATOR_MINUTES_PER_TICK", 10, 1, 1_440);
    if (key == null) {
      settings.problem("GC_SIMULATOR_API_KEY is required: a feed key bound to the simulated trusts");
    }
    settings.validate();
    ReferenceData reference = ReferenceDataLoader.demo();
    SitrepSimulator simulator = new SitrepSimulator(ingest, key, reference.organisations(OrganisationType.ACUTE_TRUST),
        Duration.ofMillis(intervalMs), minutesPerTick, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "simulator-shutdown"));
    simulator.start();
    stopped.await();
  }
}
