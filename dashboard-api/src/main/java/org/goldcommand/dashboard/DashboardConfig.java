package org.goldcommand.dashboard;

import org.goldcommand.platform.Settings;

/**
 * dashboard-api's settings, read from the environment and checked before start (see
 * {@code docs/configuration.md}).
 *
 * @param host the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port HTTP port for pages, REST and WebSocket
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param ingestPublicUrl where browsers reach ingest, for the submission form
 */
public record DashboardConfig(String host, int port, String kafkaBootstrap, String ingestPublicUrl) {

  /** Reads and validates the settings, throwing with every problem at once. */
  public static DashboardConfig from(Settings settings) {
    DashboardConfig config = new DashboardConfig(
        settings.text("GC_BIND_HOST", "0.0.0.0"),
        settings.port("GC_DASHBOARD_PORT", 8080),
        settings.text("GC_KAFKA_BOOTSTRAP", "localhost:9092"),
        settings.text("GC_INGEST_PUBLIC_URL", "http://localhost:8081"));
    settings.validate();
    return config;
  }
}
