package org.goldcommand.ingest.simulator;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.goldcommand.platform.Settings;

/**
 * Runs the scenario simulator on its own against an ingest URL, as the compose profile does;
 * every setting is a {@code GC_SIMULATOR_*} environment variable (see {@link SimulatorSettings}).
 * With {@code GC_SIMULATOR_RUN_HOURS} it exits once that much of the day has been played and
 * answered, printing what each channel sent; otherwise it runs until stopped.
 */
public final class SimulatorMain {

  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    SimulatorSettings settings = SimulatorSettings.from(Settings.fromEnvironment());
    ScenarioSimulator simulator = new ScenarioSimulator(settings, settings.reference(), Clock.systemUTC(), false);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "simulator-shutdown"));
    simulator.finished().thenRun(stopped::countDown);
    simulator.start();
    stopped.await();
    simulator.stats().counts().forEach((channel, counts) -> System.out.printf(
        "%-20s sent %8d  accepted %8d  refused %6d  failed %6d%n", channel, counts.generated(), counts.accepted(),
        counts.refused(), counts.failed()));
  }
}
