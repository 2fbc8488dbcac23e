package org.goldcommand.dashboard.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.goldcommand.dashboard.auth.Authentication;
import org.goldcommand.dashboard.auth.Permission;
import org.goldcommand.dashboard.auth.Person;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.history.AuditFilter;
import org.goldcommand.history.HistoryRepository;
import org.goldcommand.platform.ErrorResponses;

/**
 * {@code /api/v1/audit}: who changed what, read back from history, so an administrator can answer
 * "who acknowledged that alert, in what role, and what did they say" without querying the database.
 * Needs {@code READ_AUDIT} (administrators only). Entries are those of the systems the person
 * covers; an entry about no system is shown only to someone who covers every system.
 */
public final class AuditRoutes {

  private final Vertx vertx;
  private final HistoryAccess history;
  private final Clock clock;

  /** Routes over the audit log in history, when configured. */
  public AuditRoutes(Vertx vertx, Optional<HistoryRepository> history, Clock clock) {
    this.vertx = vertx;
    this.history = new HistoryAccess(vertx, history);
    this.clock = clock;
  }

  /** The sub-router to mount at {@code /api/v1/audit}. */
  public Router router() {
    Router router = Router.router(vertx);
    router.route().handler(Authentication.requires(Permission.READ_AUDIT));
    router.get("/").handler(this::list);
    return router;
  }

  private void list(RoutingContext ctx) {
    String actor = ctx.queryParams().get("actor");
    String targetType = ctx.queryParams().get("targetType");
    String targetId = ctx.queryParams().get("targetId");
    if (targetId != null && targetType == null) {
      ErrorResponses.send(ctx, 400, "targetId needs targetType",
          List.of(new Violation("targetId", "give targetType too, for example targetType=alert")));
      return;
    }
    HistoryRange.Parsed parsed = HistoryRange.parse(ctx.queryParams(), clock.instant(), false);
    if (parsed.range() == null) {
      ErrorResponses.send(ctx, 400, "The range cannot be read", parsed.violations());
      return;
    }
    HistoryRange range = parsed.range();
    Person person = Authentication.person(ctx);
    history.answer(ctx, repository -> repository.audit(range.from(), range.to(),
            new AuditFilter(actor, targetType, targetId)),
        entries -> {
          List<JsonObject> visible = entries.stream()
              .filter(e -> person.scope().covers(e.systemCode(), null, null))
              .map(AuditRoutes::entry).toList();
          return new JsonObject().put("count", visible.size()).put("entries", new JsonArray(List.copyOf(visible)));
        });
  }

  private static JsonObject entry(AuditEntry entry) {
    return new JsonObject().put("id", entry.id()).put("at", entry.at().toString()).put("actor", entry.actor())
        .put("role", entry.role()).put("action", entry.action()).put("targetType", entry.targetType())
        .put("targetId", entry.targetId()).put("systemCode", entry.systemCode())
        .put("details", new JsonObject(new TreeMap<String, Object>(entry.details())));
  }
}
