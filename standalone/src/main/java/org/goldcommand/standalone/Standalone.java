package org.goldcommand.standalone;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.goldcommand.dashboard.DashboardConfig;
import org.goldcommand.dashboard.DashboardService;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.history.HistoryDatabase;
import org.goldcommand.history.HistorySink;
import org.goldcommand.ingest.IngestConfig;
import org.goldcommand.ingest.IngestService;
import org.goldcommand.ingest.simulator.ScenarioSimulator;
import org.goldcommand.ingest.simulator.SimulatorSettings;
import org.goldcommand.ingest.simulator.SitrepSimulator;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.streams.StreamsService;
import org.goldcommand.streams.StreamsServiceConfig;

/**
 * Everything in one JVM: a real Kafka broker, a real PostgreSQL, ingest, streams, the history sink,
 * dashboard-api and the simulator, wired exactly as the separate services are in production
 * (same classes, same topics, same HTTP doors), so the demo exercises the real system.
 * Closing it stops each part in the reverse order it started.
 */
public final class Standalone implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final StandaloneConfig config;
  private DashboardService dashboard;
  private IngestService ingest;

  private Standalone(StandaloneConfig config) {
    this.config = config;
  }

  /** Starts every part, in dependency order; on failure stops what had started and rethrows. */
  public static Standalone start(StandaloneConfig config) throws Exception {
    Standalone standalone = new Standalone(config);
    try {
      standalone.startAll();
      return standalone;
    } catch (Exception | Error e) {
      standalone.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    EmbeddedKafka kafka = keep(new EmbeddedKafka(config.dataDir().resolve("kafka"), config.kafkaPort(),
        config.kafkaControllerPort()));

    EmbeddedDatabase database = keep(new EmbeddedDatabase(config.dataDir().resolve("postgres"), config.postgresPort()));
    HistoryDatabase history = new HistoryDatabase(database.dataSource());
    history.migrate();
    HistorySink sink = keep(new HistorySink(kafka.bootstrapServers(), database.dataSource()));

    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("GC_PROFILE", "demo");
    env.put("GC_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    env.put("GC_INGEST_PORT", Integer.toString(config.ingestPort()));
    env.put("GC_DASHBOARD_PORT", Integer.toString(config.dashboardPort()));
    env.put("GC_STREAMS_PORT", Integer.toString(config.streamsPort()));
    env.put("GC_HL7_PORT", Integer.toString(config.hl7Port()));
    env.put("GC_DB_URL", database.jdbcUrl());
    env.put("GC_DB_USER", "postgres");
    env.put("GC_DB_PASSWORD", "postgres");
    env.put("GC_STREAMS_STATE_DIR", config.dataDir().resolve("streams").toString());
    env.putIfAbsent("GC_BIND_HOST", "127.0.0.1");
    env.putIfAbsent("GC_INGEST_PUBLIC_URL", "http://localhost:" + config.ingestPort());
    env.putIfAbsent("GC_INGEST_CORS_ORIGINS", "http://localhost:" + config.dashboardPort());
    Settings settings = new Settings(env);

    PrometheusMeterRegistry registry = Observability.registry("standalone");
    Vertx vertx = Observability.vertx(registry);
    keep(() -> vertx.close().await());
    sink.bindTo(registry);
    sink.start();
    if (!history.timescale()) {
      // Plain PostgreSQL has no continuous aggregates: refresh the hourly view as TimescaleDB's policy would.
      long timer = vertx.setPeriodic(60_000, id -> vertx.executeBlocking(() -> {
        history.refreshAggregates();
        return null;
      }, false));
      keep(() -> vertx.cancelTimer(timer));
    }

    StreamsService streams = keep(new StreamsService(vertx, StreamsServiceConfig.from(settings), registry));
    streams.start().await();
    ingest = keep(new IngestService(vertx, IngestConfig.from(settings), registry));
    ingest.start().await();
    dashboard = keep(new DashboardService(vertx, DashboardConfig.from(settings), registry));
    dashboard.start().await();

    if (!config.simulatorInterval().isZero()) {
      String referenceFile = settings.text("GC_REFERENCE_FILE", null);
      ReferenceData reference = referenceFile != null
          ? ReferenceDataLoader.fromFile(java.nio.file.Path.of(referenceFile)) : ReferenceDataLoader.demo();
      SitrepSimulator simulator = keep(new SitrepSimulator(URI.create("http://localhost:" + ingest.port()),
          "demo-key-simulator", reference.organisations(OrganisationType.ACUTE_TRUST), config.simulatorInterval(),
          config.simulatorMinutesPerTick(), Clock.systemUTC()));
      simulator.start();
    }
    if (config.scenarioSpeed() > 0) {
      ScenarioSimulator scenario = keep(new ScenarioSimulator(new SimulatorSettings(
          SimulatorSettings.Scenarios.LSC_WINTER_DAY, URI.create("http://localhost:" + ingest.port()),
          "demo-key-simulator", config.scenarioSpeed(), 2026, null, 0, ingest.hl7Port() > 0, "localhost",
          ingest.hl7Port(), true, null, null, null), ReferenceDataLoader.demo(), Clock.systemUTC(), false));
      scenario.start();
    }
  }

  private <T extends AutoCloseable> T keep(T part) {
    started.push(part);
    return part;
  }

  public int dashboardPort() {
    return dashboard.port();
  }

  public int ingestPort() {
    return ingest.port();
  }

  public int hl7Port() {
    return ingest.hl7Port();
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("While stopping: " + e);
      }
    }
  }
}
