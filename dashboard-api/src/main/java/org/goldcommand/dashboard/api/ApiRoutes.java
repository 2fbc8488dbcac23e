package org.goldcommand.dashboard.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Optional;
import org.goldcommand.dashboard.DashboardService;
import org.goldcommand.dashboard.live.LiveChannels;
import org.goldcommand.history.HistoryRepository;

/**
 * The REST API's assembly under {@code /api/v1}, after authentication: the contract check every
 * request passes first, then the pressure, feeds and audit sub-routers, kept here so the
 * verticle mounts the whole of it in one line and the order (body, contract, routes) cannot be
 * got wrong.
 */
public final class ApiRoutes {

  /** The largest body an {@code /api/v1} operation takes (an alert step's note is at most 2,000 characters). */
  public static final int BODY_LIMIT = 16_384;

  private final Vertx vertx;
  private final LiveChannels channels;
  private final Optional<HistoryRepository> history;

  /** The API over these live channels and, when configured, this history. */
  public ApiRoutes(Vertx vertx, LiveChannels channels, Optional<HistoryRepository> history) {
    this.vertx = vertx;
    this.channels = channels;
    this.history = history;
  }

  /**
   * Adds the contract check and the sub-routers to {@code root}, after whatever is already there
   * (authentication). The contract is read asynchronously: the returned future completes once it
   * is loaded, and the server must not listen before then, so every request meets a loaded contract.
   */
  public Future<Void> mount(Router root) {
    Future<ContractValidation> validation = ContractValidation.load(vertx, ContractValidation.CONTRACT);
    root.post("/api/v1/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT));
    root.route("/api/v1/*").handler(ctx -> validation.result().handle(ctx));
    Clock clock = Clock.systemUTC();
    root.route("/api/v1/pressure*").subRouter(new PressureRoutes(vertx, channels.get(DashboardService.PRESSURE_TRUST),
        channels.get(DashboardService.PRESSURE_SYSTEM), history, clock).router());
    root.route("/api/v1/feeds*").subRouter(
        new FeedsRoutes(vertx, channels.get(DashboardService.FEEDS_STATUS)).router());
    root.route("/api/v1/audit*").subRouter(new AuditRoutes(vertx, history, clock).router());
    return validation.mapEmpty();
  }
}
