package org.goldcommand.dashboard.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.platform.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/grafana-alerts}: where Grafana's contact point posts its analysts' alerts
 * (the provisioned long-view rules). They are not Gold Command alerts (no lifecycle, no
 * acknowledgement, no audit): each firing or resolved one becomes a log line and a count in
 * {@code gc.grafana.alerts}, so both kinds of alert are visible in one place.
 */
public final class GrafanaAlertsRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(GrafanaAlertsRoutes.class);

  private final Vertx vertx;
  private final MeterRegistry metrics;

  private final String token;

  /** Routes accepting posts that carry {@code Authorization: Bearer <token>} (none when token is null). */
  public GrafanaAlertsRoutes(Vertx vertx, MeterRegistry metrics, String token) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.token = token;
  }

  private void authorise(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (token != null && header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
        ("Bearer " + token).getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gold-command-grafana\"");
    ErrorResponses.send(ctx, 401, "Grafana's contact point must send its token", List.of(new Violation(
        "Authorization", token == null ? "no token is configured (GC_GRAFANA_WEBHOOK_TOKEN)"
            : "Bearer <GC_GRAFANA_WEBHOOK_TOKEN>")));
  }

  /** The sub-router to mount at {@code /api/v1/grafana-alerts}. */
  public Router router() {
    Router router = Router.router(vertx);
    router.post("/").handler(this::authorise);
    router.post("/").handler(BodyHandler.create().setBodyLimit(1_048_576)).handler(this::receive);
    return router;
  }

  private void receive(RoutingContext ctx) {
    JsonArray alerts;
    try {
      JsonObject body = ctx.body().asJsonObject();
      alerts = body == null ? null : body.getJsonArray("alerts");
    } catch (DecodeException | ClassCastException e) {
      alerts = null;
    }
    if (alerts == null) {
      ErrorResponses.send(ctx, 400, "Not a Grafana webhook notification",
          List.of(new Violation("alerts", "required: the list of alerts")));
      return;
    }
    int received = 0;
    for (Object item : alerts) {
      if (item instanceof JsonObject alert) {
        record(alert);
        received++;
      }
    }
    ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
        .end(new JsonObject().put("received", received).encode());
  }

  private void record(JsonObject alert) {
    String status = "firing".equals(alert.getString("status")) ? "firing" : "resolved";
    JsonObject labels = alert.getJsonObject("labels", new JsonObject());
    JsonObject annotations = alert.getJsonObject("annotations", new JsonObject());
    String name = labels.getString("alertname", "unnamed");
    Counter.builder("gc.grafana.alerts").tag("status", status).tag("alertname", name)
        .description("Grafana alert notifications received").register(metrics).increment();
    if ("firing".equals(status)) {
      LOG.warn("Grafana alert firing: {} ({}) {}", name, labels.getString("org_code", "-"),
          annotations.getString("summary", ""));
    } else {
      LOG.info("Grafana alert resolved: {} ({})", name, labels.getString("org_code", "-"));
    }
  }
}
