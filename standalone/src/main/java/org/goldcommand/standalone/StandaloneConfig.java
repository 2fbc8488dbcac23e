package org.goldcommand.standalone;

import java.nio.file.Path;
import java.time.Duration;
import org.goldcommand.platform.Settings;

/**
 * The embedded default's settings (see {@code docs/configuration.md}). Every port can be moved so
 * the demo never collides with something already running on the machine.
 *
 * @param dataDir where Kafka's log, PostgreSQL's cluster and streams state are kept across restarts
 * @param kafkaPort the embedded broker's client port
 * @param kafkaControllerPort the embedded broker's KRaft controller port
 * @param postgresPort the embedded PostgreSQL port (5433, so it never meets a local server on 5432)
 * @param dashboardPort dashboard-api
 * @param ingestPort ingest
 * @param streamsPort streams metrics and health
 * @param hl7Port the HL7 v2 MLLP listener
 * @param simulatorInterval how often the simulator posts a round of sitreps (0 turns it off)
 * @param simulatorMinutesPerTick how far the simulated day moves per round
 * @param scenarioSpeed how fast the winter-day scenario runs across every feed (0 turns it off)
 */
public record StandaloneConfig(
    Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, int dashboardPort, int ingestPort,
    int streamsPort, int hl7Port, Duration simulatorInterval, int simulatorMinutesPerTick, int scenarioSpeed) {

  /** Reads and validates the settings, throwing with every problem at once. */
  public static StandaloneConfig from(Settings settings) {
    StandaloneConfig config = new StandaloneConfig(
        Path.of(settings.text("GC_DATA_DIR", "data")),
        settings.port("GC_KAFKA_PORT", 9092),
        settings.port("GC_KAFKA_CONTROLLER_PORT", 9093),
        settings.port("GC_POSTGRES_PORT", 5433),
        settings.port("GC_DASHBOARD_PORT", 8080),
        settings.port("GC_INGEST_PORT", 8081),
        settings.port("GC_STREAMS_PORT", 8082),
        settings.port("GC_HL7_PORT", 2575),
        Duration.ofMillis(settings.integer("GC_SIMULATOR_INTERVAL_MS", 0, 0, 3_600_000)),
        settings.integer("GC_SIMULATOR_MINUTES_PER_TICK", 10, 1, 1_440),
        settings.integer("GC_SCENARIO_SPEED", 1, 0, 3_600));
    settings.validate();
    return config;
  }
}
