package org.goldcommand.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.goldcommand.dashboard.webhooks.Backoff;
import org.goldcommand.dashboard.webhooks.Subscriptions;
import org.goldcommand.dashboard.webhooks.SubscriptionsFile;
import org.goldcommand.dashboard.webhooks.WebhookDelivery;
import org.goldcommand.platform.Settings;

/**
 * dashboard-api's settings, read from the environment and checked before start (see
 * {@code docs/configuration.md}). The alert subscriptions file is loaded here too, so a bad file or
 * a missing webhook secret stops start-up with the field at fault rather than failing the first
 * delivery.
 *
 * @param host the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port HTTP port for pages, REST and WebSocket
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param ingestPublicUrl where browsers reach ingest, for the submission form
 * @param keepResolvedAlerts how long a resolved alert stays on the live channel and in the REST list
 * @param subscriptions who is sent which alerts, and where
 * @param webhooks how webhook deliveries time out, retry and queue
 * @param webhookConsumerGroup the Kafka consumer group that follows alerts for webhooks
 */
public record DashboardConfig(String host, int port, String kafkaBootstrap, String ingestPublicUrl,
    Duration keepResolvedAlerts, Subscriptions subscriptions, WebhookDelivery.Settings webhooks,
    String webhookConsumerGroup) {

  /** Reads and validates the settings, throwing with every problem at once. */
  public static DashboardConfig from(Settings settings) {
    Subscriptions subscriptions = new Subscriptions("", List.of());
    String file = settings.text("GC_ALERT_SUBSCRIPTIONS_FILE", null);
    try {
      subscriptions = SubscriptionsFile.load(file == null ? null : Path.of(file), name -> settings.text(name, null));
    } catch (IllegalArgumentException e) {
      settings.problem("GC_ALERT_SUBSCRIPTIONS_FILE" + (file == null ? " (demo default)" : "=" + file) + ": "
          + e.getMessage());
    }
    int initialMs = settings.integer("GC_WEBHOOK_BACKOFF_INITIAL_MS", 1_000, 1, 600_000);
    int maxMs = settings.integer("GC_WEBHOOK_BACKOFF_MAX_MS", 60_000, 1, 3_600_000);
    if (maxMs < initialMs) {
      settings.problem("GC_WEBHOOK_BACKOFF_MAX_MS=" + maxMs + " must be at least GC_WEBHOOK_BACKOFF_INITIAL_MS="
          + initialMs);
      maxMs = initialMs;
    }
    DashboardConfig config = new DashboardConfig(
        settings.text("GC_BIND_HOST", "0.0.0.0"),
        settings.port("GC_DASHBOARD_PORT", 8080),
        settings.text("GC_KAFKA_BOOTSTRAP", "localhost:9092"),
        settings.text("GC_INGEST_PUBLIC_URL", "http://localhost:8081"),
        Duration.ofHours(settings.integer("GC_ALERTS_KEEP_RESOLVED_HOURS", 24, 1, 720)),
        subscriptions,
        new WebhookDelivery.Settings(
            Duration.ofMillis(settings.integer("GC_WEBHOOK_TIMEOUT_MS", 5_000, 100, 120_000)),
            new Backoff(Duration.ofMillis(initialMs), Duration.ofMillis(maxMs),
                settings.integer("GC_WEBHOOK_MAX_ATTEMPTS", 6, 1, 50)),
            settings.integer("GC_WEBHOOK_QUEUE_LIMIT", 1_000, 1, 1_000_000)),
        settings.text("GC_WEBHOOK_CONSUMER_GROUP", "dashboard-api-webhooks"));
    settings.validate();
    return config;
  }
}
