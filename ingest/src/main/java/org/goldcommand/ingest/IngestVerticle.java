package org.goldcommand.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.ingest.auth.ApiKeys;
import org.goldcommand.ingest.auth.FeedAuthentication;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.goldcommand.ingest.sitrep.SitrepRoutes;
import org.goldcommand.platform.ErrorResponses;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.ServiceRouter;

/**
 * The feed HTTP server: {@code /v1/...} for submissions behind API-key authentication, and the
 * operational endpoints beside them. Its start future completes once the port is bound.
 */
public final class IngestVerticle extends VerticleBase {

  private final IngestConfig config;
  private final FeedProducer producer;
  private final ApiKeys keys;
  private final ReferenceData reference;
  private final OpsRoutes ops;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  public IngestVerticle(IngestConfig config, FeedProducer producer, ApiKeys keys, ReferenceData reference,
      OpsRoutes ops, PrometheusMeterRegistry registry) {
    this.config = config;
    this.producer = producer;
    this.keys = keys;
    this.reference = reference;
    this.ops = ops;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Router root = ServiceRouter.create(vertx, ops, registry);
    root.route("/v1/*").subRouter(feeds());
    root.errorHandler(413, ctx -> ErrorResponses.send(ctx, 413,
        "The body is larger than the " + config.maxBodyBytes() + " bytes allowed; split the submission"));
    return vertx.createHttpServer().requestHandler(root).listen(config.port()).onSuccess(s -> server = s);
  }

  private Router feeds() {
    Router v1 = Router.router(vertx);
    v1.route().handler(new FeedAuthentication(keys));
    v1.route().handler(BodyHandler.create().setBodyLimit(config.maxBodyBytes()).setHandleFileUploads(false));
    SitrepRoutes sitreps = new SitrepRoutes(vertx, producer, reference, Clock.systemUTC(), registry);
    v1.post("/sitreps").handler(sitreps::submit);
    return v1;
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
