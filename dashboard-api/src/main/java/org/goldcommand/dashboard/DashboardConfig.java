package org.goldcommand.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.goldcommand.dashboard.auth.AuthSettings;
import org.goldcommand.dashboard.webhooks.Backoff;
import org.goldcommand.dashboard.webhooks.Subscriptions;
import org.goldcommand.dashboard.webhooks.SubscriptionsFile;
import org.goldcommand.dashboard.webhooks.WebhookDelivery;
import org.goldcommand.history.HistoryDatabase;
import org.goldcommand.platform.Profile;
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
 * @param profile demo or production
 * @param auth how people's tokens are checked
 * @param history where pressure and audit history is read (TimescaleDB or PostgreSQL), if anywhere
 * @param heartbeat how often live clients are sent a heartbeat and pinged
 * @param batchPeriod how long changes collect before going, as one message, to live clients that
 *     subscribed with {@code "batch":true}
 * @param grafanaWebhookToken the bearer token Grafana's contact point sends (null: none accepted)
 */
public record DashboardConfig(String host, int port, String kafkaBootstrap, String ingestPublicUrl,
    Duration keepResolvedAlerts, Subscriptions subscriptions, WebhookDelivery.Settings webhooks,
    String webhookConsumerGroup, Profile profile, AuthSettings auth, Optional<HistorySource> history,
    Duration heartbeat, Duration batchPeriod, String grafanaWebhookToken) {

  /** Grafana's demo contact-point token (PUBLIC; the demo profile only). */
  public static final String DEMO_GRAFANA_TOKEN = "demo-grafana-token";

  /**
   * The history database: history endpoints answer 503 without one.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   * @param user the database user (read-only is enough)
   * @param password the user's password
   */
  public record HistorySource(String jdbcUrl, String user, String password) {

    /** A data source for the repository. */
    public DataSource dataSource() {
      return HistoryDatabase.dataSource(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
      return "HistorySource[" + jdbcUrl + ", user " + user + "]";
    }
  }

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
    Profile profile = Profile.from(settings);
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
        settings.text("GC_WEBHOOK_CONSUMER_GROUP", "dashboard-api-webhooks"),
        profile,
        AuthSettings.from(settings, profile),
        history(settings),
        Duration.ofSeconds(settings.integer("GC_WS_HEARTBEAT_SECONDS", 15, 1, 300)),
        Duration.ofMillis(settings.integer("GC_WS_BATCH_MILLIS", 100, 10, 5_000)),
        settings.text("GC_GRAFANA_WEBHOOK_TOKEN", profile == Profile.DEMO ? DEMO_GRAFANA_TOKEN : null));
    if (profile != Profile.DEMO && DEMO_GRAFANA_TOKEN.equals(config.grafanaWebhookToken())) {
      settings.problem("GC_GRAFANA_WEBHOOK_TOKEN: the demo token is accepted only in the demo profile; choose a secret");
    }
    settings.validate();
    return config;
  }

  private static Optional<HistorySource> history(Settings settings) {
    String url = settings.text("GC_DB_URL", null);
    if (url == null) {
      return Optional.empty();
    }
    if (!url.startsWith("jdbc:postgresql:")) {
      settings.problem("GC_DB_URL=" + url + " is not a jdbc:postgresql: URL");
    }
    return Optional.of(new HistorySource(url, settings.text("GC_DB_USER", "gold_command"),
        settings.text("GC_DB_PASSWORD", "")));
  }
}
