package org.goldcommand.dashboard.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.goldcommand.dashboard.auth.Authentication;
import org.goldcommand.dashboard.auth.Permission;
import org.goldcommand.dashboard.auth.Visibility;
import org.goldcommand.dashboard.live.LiveChannel;

/**
 * {@code /api/v1/feeds}: when each organisation's feeds last delivered and how much was accepted
 * and refused today, as the live {@code feeds.status} channel holds it, so a feed administrator
 * can see which trust has gone quiet without opening the wall. Needs {@code READ_FEEDS}; only the
 * organisations in the person's scope are listed. Handlers run on the dashboard verticle's
 * context, the one the channel is confined to.
 */
public final class FeedsRoutes {

  private static final Comparator<JsonObject> BY_ORGANISATION_THEN_FEED = Comparator
      .comparing((JsonObject f) -> f.getString("orgCode", ""))
      .thenComparing(f -> f.getString("feed", ""));

  private final Vertx vertx;
  private final LiveChannel feeds;

  /** Routes over the feed status channel. */
  public FeedsRoutes(Vertx vertx, LiveChannel feeds) {
    this.vertx = vertx;
    this.feeds = feeds;
  }

  /** The sub-router to mount at {@code /api/v1/feeds}. */
  public Router router() {
    Router router = Router.router(vertx);
    router.route().handler(Authentication.requires(Permission.READ_FEEDS));
    router.get("/").handler(this::list);
    return router;
  }

  private void list(RoutingContext ctx) {
    String org = ctx.queryParams().get("org");
    String feed = ctx.queryParams().get("feed");
    Predicate<JsonObject> visible = Visibility.values(Authentication.person(ctx));
    List<JsonObject> found = feeds.values().stream()
        .filter(f -> visible.test(f) && (org == null || org.equals(f.getString("orgCode")))
            && (feed == null || feed.equals(f.getString("feed"))))
        .sorted(BY_ORGANISATION_THEN_FEED).toList();
    ctx.json(new JsonObject().put("count", found.size()).put("feeds", new JsonArray(List.copyOf(found))));
  }
}
