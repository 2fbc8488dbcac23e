package org.goldcommand.platform;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root router every HTTP service starts from: the operational endpoints mounted, and every
 * error a client can meet (no such path, wrong method, a fault of ours) answered in the shared JSON
 * error shape rather than Vert.x's plain-text defaults.
 */
public final class ServiceRouter {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRouter.class);

  private ServiceRouter() {}

  /** A root router with {@code /metrics}, {@code /health}, {@code /ready} and JSON errors. */
  public static Router create(Vertx vertx, OpsRoutes ops, PrometheusMeterRegistry registry) {
    Router root = Router.router(vertx);
    root.route("/*").subRouter(ops.router(vertx, registry));
    root.errorHandler(404, ctx -> ErrorResponses.send(ctx, 404, "Nothing at " + ctx.request().path()));
    root.errorHandler(405, ctx -> ErrorResponses.send(ctx, 405, "Method not allowed on " + ctx.request().path()));
    root.errorHandler(500, ctx -> {
      LOG.error("Unhandled error on {}", ctx.request().path(), ctx.failure());
      ErrorResponses.send(ctx, 500, "Internal error; nothing was changed");
    });
    return root;
  }
}
