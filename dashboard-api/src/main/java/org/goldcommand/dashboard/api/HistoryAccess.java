package org.goldcommand.dashboard.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import org.goldcommand.history.HistoryRepository;
import org.goldcommand.history.HistoryUnavailableException;
import org.goldcommand.platform.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How REST handlers reach history: the repository's blocking JDBC runs on a worker thread, never
 * the event loop the live channels share, and its answer is written back on the handler's own
 * context. History is optional and separate from the live picture, so when it is not configured
 * or its database cannot answer, only the history endpoints say so ({@code 503}); everything live
 * keeps working.
 */
final class HistoryAccess {

  /** Seconds a client is asked to wait before retrying a database that could not answer. */
  static final int RETRY_AFTER_SECONDS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(HistoryAccess.class);

  private final Vertx vertx;
  private final Optional<HistoryRepository> repository;

  /** Access through this repository, or none ({@code GC_DB_URL} not set). */
  HistoryAccess(Vertx vertx, Optional<HistoryRepository> repository) {
    this.vertx = vertx;
    this.repository = repository;
  }

  /**
   * Answers the request with the rendering of a query's result, or {@code 503} when history is not
   * configured or cannot be read.
   */
  <T> void answer(RoutingContext ctx, Function<HistoryRepository, T> query, Function<T, JsonObject> render) {
    if (repository.isEmpty()) {
      ErrorResponses.send(ctx, 503, "History is not configured on this server (set GC_DB_URL); live values are "
          + "still served");
      return;
    }
    HistoryRepository history = repository.get();
    vertx.executeBlocking(() -> query.apply(history), false)
        .onSuccess(result -> ctx.json(render.apply(result)))
        .onFailure(e -> {
          if (e instanceof HistoryUnavailableException) {
            LOG.warn("History could not answer {}: {}", ctx.request().path(), e.getMessage());
            ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            ErrorResponses.send(ctx, 503, "History cannot be read now; live values are still served");
          } else {
            ctx.fail(e);
          }
        });
  }
}
