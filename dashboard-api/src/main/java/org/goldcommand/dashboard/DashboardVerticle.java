package org.goldcommand.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.goldcommand.dashboard.alerts.AlertCommandSender;
import org.goldcommand.dashboard.alerts.AlertRetention;
import org.goldcommand.dashboard.alerts.AlertsRoutes;
import org.goldcommand.dashboard.alerts.GrafanaAlertsRoutes;
import org.goldcommand.dashboard.api.ApiRoutes;
import org.goldcommand.dashboard.auth.AuthRoutes;
import org.goldcommand.dashboard.auth.Authentication;
import org.goldcommand.dashboard.auth.SignIn;
import org.goldcommand.dashboard.live.LiveChannel;
import org.goldcommand.dashboard.live.LiveChannels;
import org.goldcommand.dashboard.live.LiveJson;
import org.goldcommand.dashboard.live.TopicFeed;
import org.goldcommand.dashboard.webhooks.WebhookDelivery;
import org.goldcommand.dashboard.webhooks.WebhookFeed;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.history.HistoryRepository;
import org.goldcommand.platform.ErrorResponses;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.ServiceRouter;

/**
 * The command room's HTTP server: the live WebSocket at {@code /ws}, the pages ({@code /wall},
 * {@code /submit}), the REST API under {@code /api/v1} (one sub-router per area) and the
 * operational endpoints; alongside, webhook delivery of alert steps. The topic feeds that fill the live channels hand
 * every change to this verticle's own context, the one its WebSocket connections run on, so channel
 * state is only ever touched by one thread. Its start future completes once the port is bound.
 */
public final class DashboardVerticle extends VerticleBase {

  private final DashboardConfig config;
  private final LiveChannels channels;
  private final OpsRoutes ops;
  private final PrometheusMeterRegistry registry;
  private final AlertCommandSender sender;
  private final SignIn signIn;
  private List<TopicFeed<?>> feeds = List.of();
  private WebhookDelivery webhooks;
  private WebhookFeed webhookFeed;
  private long sweepTimer = -1;
  private long batchTimer = -1;
  private HttpServer server;

  public DashboardVerticle(DashboardConfig config, LiveChannels channels, OpsRoutes ops,
      PrometheusMeterRegistry registry, AlertCommandSender sender) {
    this.config = config;
    this.channels = channels;
    this.ops = ops;
    this.registry = registry;
    this.sender = sender;
    this.signIn = new SignIn(config.auth());
  }

  @Override
  public Future<?> start() {
    signIn.start(vertx);
    feeds = List.of(
        new TopicFeed<>(config.kafkaBootstrap(), Topics.TRUST_PRESSURE,
            envelope -> LiveJson.of(envelope.data()).put("updatedAt", envelope.receivedAt().toString()),
            channels.get(DashboardService.PRESSURE_TRUST), context),
        new TopicFeed<>(config.kafkaBootstrap(), Topics.SYSTEM_PRESSURE,
            envelope -> LiveJson.of(envelope.data()).put("updatedAt", envelope.receivedAt().toString()),
            channels.get(DashboardService.PRESSURE_SYSTEM), context),
        new TopicFeed<>(config.kafkaBootstrap(), Topics.FEED_STATUS, LiveJson::of,
            channels.get(DashboardService.FEEDS_STATUS), context),
        new TopicFeed<>(config.kafkaBootstrap(), Topics.ALERTS, LiveJson::of,
            channels.get(DashboardService.ALERTS), context),
        new TopicFeed<>(config.kafkaBootstrap(), Topics.MUTUAL_AID_SUGGESTIONS, LiveJson::of,
            channels.get(DashboardService.MUTUAL_AID), context),
        new TopicFeed<>(config.kafkaBootstrap(), Topics.VACCINE_STOCK_POSITIONS, LiveJson::of,
            channels.get(DashboardService.VACCINE_STOCK), context),
        new TopicFeed<>(config.kafkaBootstrap(), Topics.VACCINE_MOVEMENTS, LiveJson::of,
            channels.get(DashboardService.VACCINE_MOVEMENTS), context));
    feeds.forEach(TopicFeed::start);
    LiveChannel alerts = channels.get(DashboardService.ALERTS);
    AlertRetention retention = new AlertRetention(config.keepResolvedAlerts());
    batchTimer = vertx.setPeriodic(channels.batchPeriod().toMillis(), id -> channels.endBatches());
    sweepTimer = vertx.setPeriodic(10_000, id -> alerts.forget(a -> !retention.keep(
        "RESOLVED".equals(a.getString("state")), a.getInstant("resolvedAt"), Instant.now())));
    webhooks = new WebhookDelivery(vertx, context, config.subscriptions(), config.webhooks(), registry,
        Clock.systemUTC());
    webhookFeed = new WebhookFeed(config.kafkaBootstrap(), config.webhookConsumerGroup(), webhooks::offer);
    webhookFeed.start();
    Authentication authentication = new Authentication(signIn.verifier());
    Router root = ServiceRouter.create(vertx, ops, registry);
    root.get("/ws").handler(ctx -> upgrade(ctx, authentication));
    root.errorHandler(413, ctx -> ErrorResponses.send(ctx, 413, "The body is too large for " + ctx.request().path()));
    root.route("/auth*").subRouter(signIn.routes(vertx).router());
    root.route("/api/v1/grafana-alerts*").subRouter(new GrafanaAlertsRoutes(vertx, registry,
        config.grafanaWebhookToken()).router());
    root.route("/api/v1/*").handler(authentication.required());
    Future<Void> api = new ApiRoutes(vertx, channels, config.history().map(h -> new HistoryRepository(h.dataSource())))
        .mount(root);
    root.get("/api/v1/me").handler(AuthRoutes::me);
    root.route("/api/v1/alerts*").subRouter(new AlertsRoutes(vertx, alerts, sender, Clock.systemUTC()).router());
    root.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("content-type", "application/yaml")
        .sendFile("openapi/dashboard.yaml"));
    root.get("/asyncapi.yaml").handler(ctx -> ctx.response().putHeader("content-type", "application/yaml")
        .sendFile("asyncapi/dashboard.yaml"));
    root.get("/").handler(ctx -> ctx.redirect("/wall"));
    root.get("/wall").handler(ctx -> ctx.reroute("/pages/wall.html"));
    root.get("/wall/trust/:org").handler(ctx -> ctx.reroute("/pages/trust.html"));
    root.get("/submit").handler(ctx -> ctx.reroute("/pages/submit.html"));
    root.get("/submit/config.json").handler(ctx -> ctx.json(new JsonObject().put("ingestUrl", config.ingestPublicUrl())));
    root.route("/pages/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    root.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    return api.compose(v -> vertx.createHttpServer().requestHandler(root).listen(config.port(), config.host()))
        .onSuccess(s -> server = s);
  }

  private void upgrade(RoutingContext ctx, Authentication authentication) {
    ctx.request().pause();
    authentication.upgrade(ctx.request())
        .onSuccess(person -> ctx.request().toWebSocket()
            .onSuccess(socket -> channels.accept(socket, person, vertx))
            .onFailure(ctx::fail))
        .onFailure(e -> {
          ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gold-command\", error=\"invalid_token\"");
          ErrorResponses.send(ctx, 401, "Sign in first", List.of(new Violation("Authorization", e.getMessage())));
        });
  }

  @Override
  public Future<?> stop() {
    feeds.forEach(TopicFeed::close);
    signIn.close();
    vertx.cancelTimer(sweepTimer);
    vertx.cancelTimer(batchTimer);
    if (webhookFeed != null) {
      webhookFeed.close();
      webhooks.close();
    }
    return Future.succeededFuture();
  }

  /** Whether every feed has loaded what its topic held at start and is still following it. */
  public boolean feedsReady() {
    return !feeds.isEmpty() && feeds.stream().allMatch(f -> f.caughtUp() && f.alive());
  }

  /** Whether webhook delivery has joined its consumer group, so new alert steps will be sent. */
  public boolean webhooksReady() {
    return webhookFeed != null && webhookFeed.joined();
  }

  /** Whether the keys that check people's tokens are loaded. */
  public boolean tokenKeysLoaded() {
    return signIn.ready();
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
