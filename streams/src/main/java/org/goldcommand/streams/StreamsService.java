package org.goldcommand.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.KafkaTopics;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.RunningService;
import org.goldcommand.platform.ServiceRouter;
import org.goldcommand.streams.domain.alerts.AlertRuleSet;
import org.goldcommand.streams.domain.alerts.AlertRules;
import org.goldcommand.streams.domain.scoring.ScoringTable;
import org.goldcommand.streams.domain.scoring.ScoringTables;
import org.goldcommand.streams.topology.AlertsTopology;
import org.goldcommand.streams.topology.FeedStatusTopology;
import org.goldcommand.streams.topology.SystemPressureTopology;
import org.goldcommand.streams.topology.TrustOccupancyTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every topology in one Kafka Streams application, with its metrics bound and {@code /metrics},
 * {@code /health} and {@code /ready} served beside it. Ready means the application is RUNNING,
 * that is, caught up with its state and processing.
 */
public final class StreamsService implements RunningService {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

  private final Vertx vertx;
  private final StreamsServiceConfig config;
  private final PrometheusMeterRegistry registry;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;
  private HttpServer server;

  public StreamsService(Vertx vertx, StreamsServiceConfig config, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    ReferenceData reference = config.referenceFile() != null
        ? ReferenceDataLoader.fromFile(config.referenceFile()) : ReferenceDataLoader.demo();
    ScoringTable table = config.scoringTableFile() != null
        ? ScoringTables.fromFile(config.scoringTableFile()) : ScoringTables.defaultTable();
    AlertRuleSet rules = config.alertRulesFile() != null
        ? AlertRules.fromFile(config.alertRulesFile()) : AlertRules.defaultRules();
    this.streams = new KafkaStreams(topology(reference, table, rules, registry),
        StreamsConfigFactory.properties(config, registry));
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    streams.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("A stream thread failed; stopping so the process can be restarted", error);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
  }

  /** The whole application's topology: one {@code build} call per topology class. */
  public static Topology topology(ReferenceData reference, ScoringTable table, AlertRuleSet rules,
      io.micrometer.core.instrument.MeterRegistry metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    new TrustOccupancyTopology(reference, table, metrics).build(builder);
    new FeedStatusTopology(reference).build(builder);
    new SystemPressureTopology(reference, table).build(builder);
    new AlertsTopology(reference, rules, metrics).build(builder);
    return builder.build();
  }

  /** Starts processing and the ops endpoints; completes once the port is bound. */
  @Override
  public Future<HttpServer> start() {
    return vertx.executeBlocking(() -> {
      KafkaTopics.ensure(config.kafkaBootstrap(), Topics.all(), config.replicationFactor());
      streams.start();
      return null;
    }, false).compose(started -> serveOps());
  }

  private Future<HttpServer> serveOps() {
    OpsRoutes ops = new OpsRoutes("streams")
        .readyWhen("streams", () -> streams.state() == KafkaStreams.State.RUNNING)
        .healthyWhen("streams", () -> streams.state().isRunningOrRebalancing()
            || streams.state() == KafkaStreams.State.CREATED);
    return vertx.createHttpServer().requestHandler(ServiceRouter.create(vertx, ops, registry))
        .listen(config.port(), config.host())
        .onSuccess(s -> server = s);
  }

  /** Whether the application is processing. */
  public boolean running() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** The ops port actually bound. */
  @Override
  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    // Leave the group on the way out, so a restarted or remaining instance takes the partitions at
    // once instead of waiting for this member's session to time out.
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(10)));
    streamsMetrics.close();
    if (server != null) {
      server.close().await();
    }
  }
}
