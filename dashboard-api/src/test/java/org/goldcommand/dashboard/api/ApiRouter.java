package org.goldcommand.dashboard.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.goldcommand.dashboard.DashboardService;
import org.goldcommand.dashboard.alerts.AlertCommandSender;
import org.goldcommand.dashboard.alerts.AlertsRoutes;
import org.goldcommand.dashboard.alerts.GrafanaAlertsRoutes;
import org.goldcommand.dashboard.auth.AuthRoutes;
import org.goldcommand.dashboard.auth.AuthSettings;
import org.goldcommand.dashboard.auth.Authentication;
import org.goldcommand.dashboard.auth.LocalIssuer;
import org.goldcommand.dashboard.auth.PersonClaims;
import org.goldcommand.dashboard.auth.Role;
import org.goldcommand.dashboard.auth.TokenVerifier;
import org.goldcommand.dashboard.live.LiveChannel;
import org.goldcommand.dashboard.live.LiveChannels;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.ServiceRouter;

/**
 * The {@code /api/v1} part of dashboard-api's root router, mounted in the order
 * {@code DashboardVerticle} mounts it (Grafana's webhook, authentication, the API, {@code /me},
 * alerts), with no broker and no history, and a local issuer to sign tokens: fast tests of what
 * the router does with a request before any data matters.
 */
final class ApiRouter implements AutoCloseable {

  private final LocalIssuer issuer;
  private final AlertCommandSender sender;
  private final Router root;
  private final Future<Void> ready;

  ApiRouter(Vertx vertx) {
    PrometheusMeterRegistry registry = Observability.registry("api-router-test");
    issuer = new LocalIssuer(vertx);
    TokenVerifier verifier = new TokenVerifier(vertx, LocalIssuer.ISSUER, AuthSettings.DEFAULT_AUDIENCE);
    verifier.useKeys(List.of(issuer.publicJwk()));
    sender = new AlertCommandSender(vertx, "127.0.0.1:1");
    root = ServiceRouter.create(vertx, new OpsRoutes("api-router-test"), registry);
    root.route("/api/v1/grafana-alerts*").subRouter(
        new GrafanaAlertsRoutes(vertx, registry, "grafana-test-token").router());
    root.route("/api/v1/*").handler(new Authentication(verifier).required());
    ready = new ApiRoutes(vertx, new LiveChannels(registry, Duration.ofSeconds(15), Duration.ofMillis(100),
        DashboardService.CHANNELS),
        Optional.empty()).mount(root);
    root.get("/api/v1/me").handler(AuthRoutes::me);
    root.route("/api/v1/alerts*").subRouter(
        new AlertsRoutes(vertx, new LiveChannel(DashboardService.ALERTS, 10), sender, Clock.systemUTC()).router());
  }

  /** The root router, once the contract is loaded. */
  Router router() {
    ready.await();
    return root;
  }

  /** A token for someone with these roles covering these systems. */
  String token(Role role, String... systems) {
    return issuer.issue(PersonClaims.of(role.code() + "-test", "Test " + role.code(), Set.of(role), Set.of(systems),
        Set.of()), AuthSettings.DEFAULT_AUDIENCE, Instant.now().plusSeconds(600));
  }

  @Override
  public void close() {
    sender.close();
  }
}
