package org.goldcommand.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.goldcommand.dashboard.alerts.AlertCommandSender;
import org.goldcommand.dashboard.live.LiveChannels;
import org.goldcommand.platform.KafkaReadiness;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.RunningService;

/**
 * dashboard-api assembled: the live channels, the HTTP verticle that fills and serves them, and the
 * one producer through which people's steps on alerts reach Kafka.
 * Ready once Kafka is reachable, every channel has caught up with its topic (so a wall never opens
 * on a half-loaded picture) and webhook delivery has joined its consumer group.
 */
public final class DashboardService implements RunningService {

  /** The trust pressure channel name. */
  public static final String PRESSURE_TRUST = "pressure.trust";

  /** The system pressure channel name. */
  public static final String PRESSURE_SYSTEM = "pressure.system";

  /** The feed status channel name. */
  public static final String FEEDS_STATUS = "feeds.status";

  /** The alerts channel name: the latest step of each alert. */
  public static final String ALERTS = "alerts";

  private final Vertx vertx;
  private final AlertCommandSender sender;
  private final DashboardVerticle verticle;
  private final KafkaReadiness readiness;
  private String deployment;

  public DashboardService(Vertx vertx, DashboardConfig config, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    LiveChannels channels = new LiveChannels(registry, PRESSURE_TRUST, PRESSURE_SYSTEM, FEEDS_STATUS, ALERTS);
    this.readiness = new KafkaReadiness(config.kafkaBootstrap(), Duration.ofSeconds(2));
    OpsRoutes ops = new OpsRoutes("dashboard-api").readyWhen("kafka", readiness::reachable);
    this.sender = new AlertCommandSender(vertx, config.kafkaBootstrap());
    this.verticle = new DashboardVerticle(config, channels, ops, registry, sender);
    ops.readyWhen("live channels", verticle::feedsReady);
    ops.readyWhen("webhook delivery", verticle::webhooksReady);
  }

  /** Deploys the verticle (feeds and HTTP server); completes once it listens. */
  @Override
  public Future<String> start() {
    return vertx.deployVerticle(verticle).onSuccess(id -> deployment = id);
  }

  /** The port pages, REST and WebSocket are served on. */
  @Override
  public int port() {
    return verticle.actualPort();
  }

  @Override
  public void close() {
    if (deployment != null) {
      vertx.undeploy(deployment).await();
    }
    sender.close();
    readiness.close();
  }
}
