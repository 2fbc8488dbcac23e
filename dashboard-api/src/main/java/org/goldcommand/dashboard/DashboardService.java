package org.goldcommand.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.goldcommand.dashboard.live.LiveChannels;
import org.goldcommand.dashboard.live.LiveJson;
import org.goldcommand.dashboard.live.TopicFeed;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.KafkaReadiness;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.RunningService;

/**
 * dashboard-api assembled: the live channels, the topic feeds that fill them, and the HTTP
 * verticle. Ready once Kafka is reachable and every feed has caught up with its topic, so a wall
 * never opens on a half-loaded picture.
 */
public final class DashboardService implements RunningService {

  /** The trust pressure channel name. */
  public static final String PRESSURE_TRUST = "pressure.trust";

  /** The feed status channel name. */
  public static final String FEEDS_STATUS = "feeds.status";

  private final Vertx vertx;
  private final DashboardVerticle verticle;
  private final TopicFeed<Envelope<TrustPressure>> trustPressure;
  private final TopicFeed<FeedStatus> feedStatus;
  private final KafkaReadiness readiness;

  public DashboardService(Vertx vertx, DashboardConfig config, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    LiveChannels channels = new LiveChannels(registry, PRESSURE_TRUST, FEEDS_STATUS);
    Context context = vertx.getOrCreateContext();
    this.trustPressure = new TopicFeed<>(config.kafkaBootstrap(), Topics.TRUST_PRESSURE,
        envelope -> LiveJson.of(envelope.data()).put("updatedAt", envelope.receivedAt().toString()),
        channels.get(PRESSURE_TRUST), context);
    this.feedStatus = new TopicFeed<>(config.kafkaBootstrap(), Topics.FEED_STATUS, LiveJson::of,
        channels.get(FEEDS_STATUS), context);
    this.readiness = new KafkaReadiness(config.kafkaBootstrap(), Duration.ofSeconds(2));
    OpsRoutes ops = new OpsRoutes("dashboard-api")
        .readyWhen("kafka", readiness::reachable)
        .readyWhen(PRESSURE_TRUST, trustPressure::caughtUp)
        .readyWhen(FEEDS_STATUS, feedStatus::caughtUp);
    this.verticle = new DashboardVerticle(config, channels, ops, registry);
  }

  /** Starts the feeds and the HTTP server; completes once it listens. */
  @Override
  public Future<String> start() {
    trustPressure.start();
    feedStatus.start();
    return vertx.deployVerticle(verticle);
  }

  /** The port pages, REST and WebSocket are served on. */
  @Override
  public int port() {
    return verticle.actualPort();
  }

  @Override
  public void close() {
    trustPressure.close();
    feedStatus.close();
    readiness.close();
  }
}
