package org.goldcommand.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.goldcommand.dashboard.auth.Permission;
import org.goldcommand.dashboard.auth.Visibility;
import org.goldcommand.dashboard.alerts.AlertCommandSender;
import org.goldcommand.dashboard.live.LiveChannels;
import org.goldcommand.platform.KafkaReadiness;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.RunningService;

/**
 * dashboard-api assembled: the live channels, the HTTP verticle that fills and serves them, and the
 * one producer through which people's steps on alerts reach Kafka.
 * Ready once Kafka is reachable, every channel has caught up with its topic (so a wall never opens
 * on a half-loaded picture), webhook delivery has joined its consumer group and the keys that
 * check people's tokens are loaded.
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

  /** The mutual-aid suggestions channel name. */
  public static final String MUTUAL_AID = "mutual-aid";

  /** The vaccine stock positions channel name. */
  public static final String VACCINE_STOCK = "vaccine.stock";

  /** The vaccine movements channel name. */
  public static final String VACCINE_MOVEMENTS = "vaccine.movements";

  /** Every live channel, who may subscribe, and what each person sees of it. */
  public static final List<LiveChannels.Spec> CHANNELS = List.of(
      new LiveChannels.Spec(PRESSURE_TRUST, Permission.READ_PRESSURE, Visibility::values),
      new LiveChannels.Spec(PRESSURE_SYSTEM, Permission.READ_PRESSURE, Visibility::values),
      new LiveChannels.Spec(ALERTS, Permission.READ_ALERTS, Visibility::alerts),
      new LiveChannels.Spec(MUTUAL_AID, Permission.READ_MUTUAL_AID, Visibility::values),
      new LiveChannels.Spec(VACCINE_STOCK, Permission.READ_VACCINE, Visibility::values),
      new LiveChannels.Spec(VACCINE_MOVEMENTS, Permission.READ_VACCINE, Visibility::values),
      new LiveChannels.Spec(FEEDS_STATUS, Permission.READ_FEEDS, Visibility::values));

  private final Vertx vertx;
  private final AlertCommandSender sender;
  private final DashboardVerticle verticle;
  private final KafkaReadiness readiness;
  private String deployment;

  public DashboardService(Vertx vertx, DashboardConfig config, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    LiveChannels channels = new LiveChannels(registry, config.heartbeat(), config.batchPeriod(), CHANNELS);
    this.readiness = new KafkaReadiness(config.kafkaBootstrap(), Duration.ofSeconds(2));
    OpsRoutes ops = new OpsRoutes("dashboard-api").readyWhen("kafka", readiness::reachable);
    this.sender = new AlertCommandSender(vertx, config.kafkaBootstrap());
    this.verticle = new DashboardVerticle(config, channels, ops, registry, sender);
    ops.readyWhen("live channels", verticle::feedsReady);
    ops.readyWhen("webhook delivery", verticle::webhooksReady);
    ops.readyWhen("token keys", verticle::tokenKeysLoaded);
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
