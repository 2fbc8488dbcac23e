package org.goldcommand.dashboard.alerts;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.goldcommand.dashboard.live.LiveChannel;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.AlertCommand;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.dashboard.auth.Authentication;
import org.goldcommand.dashboard.auth.Permission;
import org.goldcommand.dashboard.auth.Person;
import org.goldcommand.dashboard.auth.Visibility;
import org.goldcommand.platform.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/alerts}: the alerts as the live channel holds them (the latest step of each), and
 * a person's acknowledge or resolve. A step is answered {@code 202} with its command id only once
 * Kafka holds both the command and its audit entry; the alert itself changes when the alerts
 * topology applies the command and republishes it, a moment later, on the live channel.
 *
 * <p>Reading needs {@code READ_ALERTS} and shows only alerts in the person's scope and of kinds their
 * roles receive; acting needs {@code ACT_ON_ALERTS} on such an alert. Who acted comes from the
 * token: the command carries their name, the audit entry their id and roles. Handlers run on the
 * dashboard verticle's context, the one the live channel is confined to.
 */
public final class AlertsRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsRoutes.class);
  private static final Set<String> LIST_PARAMS = Set.of("state", "ics", "org");
  private static final Comparator<JsonObject> MOST_URGENT_FIRST = Comparator
      .comparing((JsonObject a) -> severityRank(a.getString("severity")))
      .thenComparing(a -> a.getString("raisedAt", ""), Comparator.reverseOrder());

  private final Vertx vertx;
  private final LiveChannel alerts;
  private final AlertCommandSender sender;
  private final Clock clock;

  public AlertsRoutes(Vertx vertx, LiveChannel alerts, AlertCommandSender sender, Clock clock) {
    this.vertx = vertx;
    this.alerts = alerts;
    this.sender = sender;
    this.clock = clock;
  }

  /** The sub-router to mount at {@code /api/v1/alerts}. */
  public Router router() {
    Router router = Router.router(vertx);
    router.post().handler(BodyHandler.create().setBodyLimit(16_384));
    router.get().handler(Authentication.requires(Permission.READ_ALERTS));
    router.post().handler(Authentication.requires(Permission.ACT_ON_ALERTS));
    router.get("/").handler(this::list);
    router.get("/:alertId").handler(this::one);
    router.post("/:alertId/acknowledge").handler(ctx -> act(ctx, AlertCommand.Action.ACKNOWLEDGE));
    router.post("/:alertId/resolve").handler(ctx -> act(ctx, AlertCommand.Action.RESOLVE));
    return router;
  }

  private void list(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (!LIST_PARAMS.contains(name)) {
        ErrorResponses.send(ctx, 400, "Unknown query parameter", List.of(new Violation(name, "use state, ics or org")));
        return;
      }
    }
    String state = ctx.queryParams().get("state");
    if (state != null && !state.equals("open") && !state.equals("all")) {
      ErrorResponses.send(ctx, 400, "Bad state", List.of(new Violation("state", "open or all")));
      return;
    }
    boolean openOnly = !"all".equals(state);
    String ics = ctx.queryParams().get("ics");
    String org = ctx.queryParams().get("org");
    Predicate<JsonObject> visible = Visibility.alerts(Authentication.person(ctx));
    Predicate<JsonObject> wanted = a -> visible.test(a) && (!openOnly || !AlertState.RESOLVED.name().equals(a.getString("state")))
        && (ics == null || ics.equals(a.getString("systemCode")))
        && (org == null || org.equals(a.getString("orgCode")));
    List<JsonObject> found = alerts.values().stream().filter(wanted).sorted(MOST_URGENT_FIRST).toList();
    ctx.json(new JsonObject().put("count", found.size()).put("alerts", new JsonArray(List.copyOf(found))));
  }

  private void one(RoutingContext ctx) {
    JsonObject alert = find(ctx);
    if (alert == null) {
      notFound(ctx);
    } else {
      ctx.json(alert);
    }
  }

  private void act(RoutingContext ctx, AlertCommand.Action action) {
    String alertId = ctx.pathParam("alertId");
    JsonObject alert = find(ctx);
    if (alert == null) {
      notFound(ctx);
      return;
    }
    Map<String, Object> body;
    try {
      JsonObject json = ctx.body().asJsonObject();
      body = json == null ? new HashMap<>() : json.getMap();
    } catch (DecodeException | ClassCastException e) {
      ErrorResponses.send(ctx, 400, "The body must be a JSON object",
          List.of(new Violation("", "send {\"note\": \"...\"} or nothing")));
      return;
    }
    List<Violation> violations = AlertActionRequest.violations(body);
    if (!violations.isEmpty()) {
      ErrorResponses.send(ctx, 400, "The request has problems", violations);
      return;
    }
    if (AlertState.RESOLVED.name().equals(alert.getString("state"))) {
      ErrorResponses.send(ctx, 409, "Alert " + alertId + " is already resolved (" + alert.getString("resolvedAt")
          + " by " + alert.getString("resolvedBy") + ")");
      return;
    }
    AlertActionRequest request = AlertActionRequest.of(body);
    Person person = Authentication.person(ctx);
    String commandId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    AlertCommand command = new AlertCommand(commandId, alertId, alert.getString("key"), action, person.name(),
        request.note(), now);
    Map<String, String> details = new HashMap<>();
    details.put("key", alert.getString("key"));
    details.put("stateBefore", alert.getString("state"));
    details.put("name", person.name());
    if (request.note() != null) {
      details.put("note", request.note());
    }
    AuditEntry audit = new AuditEntry(commandId, now, person.id(), person.roleCodes(),
        "alert." + action.name().toLowerCase(Locale.ROOT), "alert", alertId, alert.getString("systemCode"), details);
    sender.send(command, audit)
        .onSuccess(v -> ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
            .end(new JsonObject().put("commandId", commandId).encode()))
        .onFailure(e -> {
          LOG.warn("Could not record {} of alert {}: {}", action, alertId, e.toString());
          ctx.response().putHeader("Retry-After", "5");
          ErrorResponses.send(ctx, 503, "Kafka cannot take it now; retry in a few seconds (acting twice is harmless)");
        });
  }

  /** The alert named in the path, if the signed-in person may see it (one they may not see is not found). */
  private JsonObject find(RoutingContext ctx) {
    String alertId = ctx.pathParam("alertId");
    Predicate<JsonObject> visible = Visibility.alerts(Authentication.person(ctx));
    return alerts.values().stream().filter(a -> alertId.equals(a.getString("alertId")) && visible.test(a))
        .findFirst().orElse(null);
  }

  private static void notFound(RoutingContext ctx) {
    ErrorResponses.send(ctx, 404, "No alert " + ctx.pathParam("alertId")
        + " among current alerts (open, or resolved within the retention time)");
  }

  private static int severityRank(String severity) {
    return switch (severity == null ? "" : severity) {
      case "CRITICAL" -> 0;
      case "WARNING" -> 1;
      default -> 2;
    };
  }
}
