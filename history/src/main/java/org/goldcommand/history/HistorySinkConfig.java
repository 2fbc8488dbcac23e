package org.goldcommand.history;

import org.goldcommand.platform.Settings;

/**
 * The history sink's settings, read from the environment and checked before start (see
 * {@code docs/configuration.md}).
 *
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param jdbcUrl the history database
 * @param user database user
 * @param password database password
 * @param groupId Kafka consumer group; one per history database
 * @param host the address the metrics and health port listens on
 * @param port metrics and health port
 */
public record HistorySinkConfig(String kafkaBootstrap, String jdbcUrl, String user, String password, String groupId,
    String host, int port) {

  /** Reads and validates the settings, throwing with every problem at once. */
  public static HistorySinkConfig from(Settings settings) {
    HistorySinkConfig config = new HistorySinkConfig(
        settings.text("GC_KAFKA_BOOTSTRAP", "localhost:9092"),
        settings.text("GC_DB_URL", "jdbc:postgresql://localhost:5432/gold_command"),
        settings.text("GC_DB_USER", "gold_command"),
        settings.text("GC_DB_PASSWORD", null),
        settings.text("GC_HISTORY_GROUP_ID", HistorySink.DEFAULT_GROUP_ID),
        settings.text("GC_BIND_HOST", "0.0.0.0"),
        settings.port("GC_HISTORY_PORT", 8083));
    if (!config.jdbcUrl().startsWith("jdbc:postgresql:")) {
      settings.problem("GC_DB_URL=" + config.jdbcUrl() + " is not a jdbc:postgresql: URL");
    }
    if (config.password() == null) {
      settings.problem("GC_DB_PASSWORD is required");
    }
    settings.validate();
    return config;
  }
}
