package org.goldcommand.streams;

import java.nio.file.Path;
import org.goldcommand.platform.Settings;

/**
 * The streams service's settings, read from the environment and checked before start (see
 * {@code docs/configuration.md}).
 *
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param applicationId the Kafka Streams application id (consumer group and internal topic prefix)
 * @param stateDir where RocksDB state lives; must survive restarts to avoid a full restore
 * @param threads stream threads
 * @param replicationFactor replication of internal topics (1 on a single broker)
 * @param host the address the metrics and health port listens on
 * @param port the metrics and health port
 * @param referenceFile reference data file; the demo set when absent
 * @param scoringTableFile pressure scoring table; the illustrative default when absent
 * @param alertRulesFile alert rules (naming their action cards file); the illustrative default when absent
 */
public record StreamsServiceConfig(
    String kafkaBootstrap, String applicationId, Path stateDir, int threads, int replicationFactor, String host,
    int port, Path referenceFile, Path scoringTableFile, Path alertRulesFile) {

  /** Reads and validates the settings, throwing with every problem at once. */
  public static StreamsServiceConfig from(Settings settings) {
    String reference = settings.text("GC_REFERENCE_FILE", null);
    String scoring = settings.text("GC_SCORING_TABLE_FILE", null);
    String alertRules = settings.text("GC_ALERT_RULES_FILE", null);
    StreamsServiceConfig config = new StreamsServiceConfig(
        settings.text("GC_KAFKA_BOOTSTRAP", "localhost:9092"),
        settings.text("GC_STREAMS_APPLICATION_ID", "gold-command-streams"),
        Path.of(settings.text("GC_STREAMS_STATE_DIR", "data/streams")),
        settings.integer("GC_STREAMS_THREADS", 1, 1, 64),
        settings.integer("GC_KAFKA_REPLICATION_FACTOR", 1, 1, 9),
        settings.text("GC_BIND_HOST", "0.0.0.0"),
        settings.port("GC_STREAMS_PORT", 8082),
        reference == null ? null : Path.of(reference),
        scoring == null ? null : Path.of(scoring),
        alertRules == null ? null : Path.of(alertRules));
    settings.validate();
    return config;
  }
}
