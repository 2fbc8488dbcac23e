package org.goldcommand.platform;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /metrics}, {@code /health} and {@code /ready} for a service. Health says the process is
 * alive; readiness says every dependency it needs (Kafka, the database, its streams) is usable, so
 * a load balancer sends traffic only to an instance that can serve it.
 */
public final class OpsRoutes {

  private final Map<String, BooleanSupplier> readinessChecks = new LinkedHashMap<>();
  private final Map<String, BooleanSupplier> healthChecks = new LinkedHashMap<>();
  private final String service;

  public OpsRoutes(String service) {
    this.service = service;
  }

  /** Adds a named readiness condition; checks must be cheap and non-blocking. */
  public OpsRoutes readyWhen(String name, BooleanSupplier check) {
    readinessChecks.put(name, check);
    return this;
  }

  /**
   * Adds a named health condition: when it fails the process is broken beyond waiting (a stream
   * thread died, say) and an orchestrator should restart it. Checks must be cheap and non-blocking.
   */
  public OpsRoutes healthyWhen(String name, BooleanSupplier check) {
    healthChecks.put(name, check);
    return this;
  }

  /** A router serving the three endpoints, to mount at the root. */
  public Router router(Vertx vertx, PrometheusMeterRegistry registry) {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    router.get("/health").handler(ctx -> answer(ctx, healthChecks));
    router.get("/ready").handler(ctx -> answer(ctx, readinessChecks));
    return router;
  }

  private void answer(io.vertx.ext.web.RoutingContext ctx, Map<String, BooleanSupplier> conditions) {
    JsonObject checks = new JsonObject();
    boolean up = true;
    for (Map.Entry<String, BooleanSupplier> check : conditions.entrySet()) {
      boolean ok = check.getValue().getAsBoolean();
      checks.put(check.getKey(), ok ? "UP" : "DOWN");
      up &= ok;
    }
    ctx.response().setStatusCode(up ? 200 : 503);
    ctx.json(new JsonObject().put("status", up ? "UP" : "DOWN").put("service", service).put("checks", checks));
  }
}
