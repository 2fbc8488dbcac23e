package org.goldcommand.dashboard.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.goldcommand.dashboard.auth.Authentication;
import org.goldcommand.dashboard.auth.Permission;
import org.goldcommand.dashboard.auth.Person;
import org.goldcommand.dashboard.auth.Visibility;
import org.goldcommand.dashboard.live.LiveChannel;
import org.goldcommand.history.HistoryRepository;
import org.goldcommand.history.ParameterPoint;
import org.goldcommand.history.SystemPressurePoint;
import org.goldcommand.history.TrustPressurePoint;
import org.goldcommand.platform.ErrorResponses;

/**
 * {@code /api/v1/pressure}: each trust's and system's pressure now, exactly as the live channels
 * hold it (so the REST answer and the wall never disagree), and how it got there from history,
 * in buckets for trend lines and the trust detail view. Needs {@code READ_PRESSURE}. A person sees
 * the trusts in their scope and the systems they cover in full; anything else is absent from lists
 * and {@code 404} on its own, history included. Handlers run on the dashboard verticle's context,
 * the one the live channels are confined to.
 */
public final class PressureRoutes {

  private final Vertx vertx;
  private final LiveChannel trusts;
  private final LiveChannel systems;
  private final HistoryAccess history;
  private final Clock clock;

  /** Routes over the trust and system pressure channels and, when configured, history. */
  public PressureRoutes(Vertx vertx, LiveChannel trusts, LiveChannel systems, Optional<HistoryRepository> history,
      Clock clock) {
    this.vertx = vertx;
    this.trusts = trusts;
    this.systems = systems;
    this.history = new HistoryAccess(vertx, history);
    this.clock = clock;
  }

  /** The sub-router to mount at {@code /api/v1/pressure}. */
  public Router router() {
    Router router = Router.router(vertx);
    router.route().handler(Authentication.requires(Permission.READ_PRESSURE));
    router.get("/trusts").handler(this::listTrusts);
    router.get("/trusts/:orgCode").handler(this::oneTrust);
    router.get("/trusts/:orgCode/history").handler(this::trustHistory);
    router.get("/systems").handler(this::listSystems);
    router.get("/systems/:systemCode").handler(this::oneSystem);
    router.get("/systems/:systemCode/history").handler(this::systemHistory);
    return router;
  }

  /** Highest OPEL level first, then highest score (unscored last), then by code for a stable order. */
  static Comparator<JsonObject> mostPressedFirst(String codeField) {
    return Comparator
        .comparing((JsonObject p) -> p.getInteger("opelLevel"), Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(p -> p.getDouble("score"), Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(p -> p.getString(codeField, ""));
  }

  private void listTrusts(RoutingContext ctx) {
    String ics = ctx.queryParams().get("ics");
    String org = ctx.queryParams().get("org");
    Predicate<JsonObject> visible = Visibility.values(Authentication.person(ctx));
    List<JsonObject> found = trusts.values().stream()
        .filter(t -> visible.test(t) && (ics == null || ics.equals(t.getString("systemCode")))
            && (org == null || org.equals(t.getString("orgCode"))))
        .sorted(mostPressedFirst("orgCode")).toList();
    ctx.json(new JsonObject().put("count", found.size()).put("trusts", new JsonArray(List.copyOf(found))));
  }

  private void oneTrust(RoutingContext ctx) {
    String orgCode = ctx.pathParam("orgCode");
    Optional<JsonObject> trust = trust(orgCode).filter(Visibility.values(Authentication.person(ctx)));
    if (trust.isEmpty()) {
      notFound(ctx, "trust " + orgCode);
    } else {
      ctx.json(trust.get());
    }
  }

  private void trustHistory(RoutingContext ctx) {
    String orgCode = ctx.pathParam("orgCode");
    Person person = Authentication.person(ctx);
    Optional<JsonObject> live = trust(orgCode);
    boolean inScope = live.isPresent() ? Visibility.values(person).test(live.get())
        : person.scope().covers(null, orgCode, null);
    if (!inScope) {
      notFound(ctx, "trust " + orgCode);
      return;
    }
    HistoryRange range = range(ctx);
    if (range == null) {
      return;
    }
    record Trend(List<TrustPressurePoint> score, Map<String, List<ParameterPoint>> parameters) {}
    history.answer(ctx, repository -> new Trend(
            repository.trustPressure(orgCode, range.from(), range.to(), range.bucket()),
            repository.parameterHistory(orgCode, range.from(), range.to(), range.bucket())),
        trend -> {
          JsonObject parameters = new JsonObject();
          trend.parameters().forEach((name, points) -> parameters.put(name, new JsonArray(points.stream()
              .map(p -> new JsonObject().put("at", p.bucket().toString()).put("value", p.avgValue())
                  .put("max", p.maxValue()).put("level", p.maxLevel()))
              .toList())));
          return header("orgCode", orgCode, range)
              .put("score", new JsonArray(trend.score().stream()
                  .map(p -> new JsonObject().put("at", p.bucket().toString()).put("score", p.score())
                      .put("opelLevel", p.opelLevel()))
                  .toList()))
              .put("parameters", parameters);
        });
  }

  private void listSystems(RoutingContext ctx) {
    Person person = Authentication.person(ctx);
    List<JsonObject> found = systems.values().stream()
        .filter(s -> person.scope().coversSystem(s.getString("systemCode")))
        .sorted(mostPressedFirst("systemCode")).toList();
    ctx.json(new JsonObject().put("count", found.size()).put("systems", new JsonArray(List.copyOf(found))));
  }

  private void oneSystem(RoutingContext ctx) {
    String systemCode = ctx.pathParam("systemCode");
    Optional<JsonObject> system = Authentication.person(ctx).scope().coversSystem(systemCode)
        ? systems.values().stream().filter(s -> systemCode.equals(s.getString("systemCode"))).findFirst()
        : Optional.empty();
    if (system.isEmpty()) {
      notFound(ctx, "system " + systemCode);
    } else {
      ctx.json(system.get());
    }
  }

  private void systemHistory(RoutingContext ctx) {
    String systemCode = ctx.pathParam("systemCode");
    if (!Authentication.person(ctx).scope().coversSystem(systemCode)) {
      notFound(ctx, "system " + systemCode);
      return;
    }
    HistoryRange range = range(ctx);
    if (range == null) {
      return;
    }
    history.answer(ctx, repository -> repository.systemPressure(systemCode, range.from(), range.to(), range.bucket()),
        points -> header("systemCode", systemCode, range).put("points", new JsonArray(points.stream()
            .map(PressureRoutes::systemPoint).toList())));
  }

  private static JsonObject systemPoint(SystemPressurePoint p) {
    return new JsonObject().put("at", p.bucket().toString()).put("score", p.score()).put("opelLevel", p.opelLevel())
        .put("highestTrustLevel", p.highestTrustLevel()).put("change2h", p.change2h()).put("change4h", p.change4h())
        .put("risingFast", p.risingFast());
  }

  /** The request's range, or null once it has been answered 400 naming what is wrong. */
  private HistoryRange range(RoutingContext ctx) {
    HistoryRange.Parsed parsed = HistoryRange.parse(ctx.queryParams(), clock.instant(), true);
    if (parsed.range() == null) {
      ErrorResponses.send(ctx, 400, "The range cannot be charted", parsed.violations());
    }
    return parsed.range();
  }

  private static JsonObject header(String codeField, String code, HistoryRange range) {
    return new JsonObject().put(codeField, code).put("from", range.from().toString()).put("to", range.to().toString())
        .put("bucket", range.bucket().toString());
  }

  private Optional<JsonObject> trust(String orgCode) {
    return trusts.values().stream().filter(t -> orgCode.equals(t.getString("orgCode"))).findFirst();
  }

  private static void notFound(RoutingContext ctx, String what) {
    ErrorResponses.send(ctx, 404, "No " + what + " among those you may see (none has pressure yet, or it is "
        + "outside your scope)");
  }
}
