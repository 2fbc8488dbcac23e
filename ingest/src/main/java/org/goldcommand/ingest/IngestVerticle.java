package org.goldcommand.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.ingest.auth.ApiKeys;
import org.goldcommand.ingest.auth.FeedAuthentication;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.goldcommand.ingest.submissions.SubmissionLog;
import org.goldcommand.ingest.submissions.SubmissionRoutes;
import org.goldcommand.ingest.feed.CsvRecords;
import org.goldcommand.ingest.fhir.FhirRoutes;
import org.goldcommand.ingest.feed.FeedIntake;
import org.goldcommand.ingest.feed.FeedRoutes;
import org.goldcommand.ingest.feed.RejectionLog;
import org.goldcommand.ingest.feeds.Feeds;
import org.goldcommand.ingest.feeds.SitrepFeed;
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
  private final SubmissionLog submissions;
  private final OpsRoutes ops;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;
  private Future<Void> fhirWarmUp = Future.succeededFuture();

  public IngestVerticle(IngestConfig config, FeedProducer producer, ApiKeys keys, ReferenceData reference,
      SubmissionLog submissions, OpsRoutes ops, PrometheusMeterRegistry registry) {
    this.submissions = submissions;
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
    root.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("content-type", "application/yaml")
        .sendFile("openapi/ingest.yaml"));
    root.route("/schemas/*").handler(StaticHandler.create("schemas"));
    root.route("/v1/*").subRouter(feeds());
    root.route("/fhir/*").subRouter(fhir());
    root.errorHandler(413, ctx -> ErrorResponses.send(ctx, 413,
        "The body is larger than the " + config.maxBodyBytes() + " bytes allowed; split the submission"));
    return vertx.createHttpServer().requestHandler(root).listen(config.port(), config.host()).onSuccess(s -> server = s);
  }

  /** Stops once the FHIR parser's preparation has finished, so it never completes on a closed context. */
  @Override
  public Future<?> stop() {
    return fhirWarmUp;
  }

  /** FHIR R4 at the root, as FHIR clients expect, behind the same keys and size limit as the feeds. */
  private Router fhir() {
    FhirRoutes fhir = new FhirRoutes(vertx, producer, new RejectionLog(producer, Clock.systemUTC()), reference,
        registry, Clock.systemUTC());
    fhirWarmUp = fhir.warmedUp();
    return fhir.router(List.of(new FeedAuthentication(keys),
        BodyHandler.create().setBodyLimit(config.maxBodyBytes()).setHandleFileUploads(false)));
  }

  private Router feeds() {
    Router v1 = Router.router(vertx);
    v1.route().handler(CorsHandler.create().addOrigins(config.corsOrigins())
        .allowedHeaders(Set.of("Authorization", "Content-Type")).allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST)));
    v1.route().handler(new FeedAuthentication(keys));
    v1.route().handler(BodyHandler.create().setBodyLimit(config.maxBodyBytes()).setHandleFileUploads(false));
    FeedRoutes feeds = new FeedRoutes(vertx, producer, new RejectionLog(producer, Clock.systemUTC()), registry,
        Clock.systemUTC());
    var json = FeedRoutes.jsonReaders();
    var jsonOrCsv = new java.util.HashMap<>(json);
    jsonOrCsv.put("text/csv", CsvRecords.forSchema("schemas/sitrep.v1.json"));
    v1.post("/sitreps").handler(feeds.handler(new FeedIntake<>(new SitrepFeed(reference), reference), jsonOrCsv));
    v1.post("/ed/snapshots").handler(feeds.handler(new FeedIntake<>(Feeds.ED_SNAPSHOT, reference), json));
    v1.post("/ed/attendances").handler(feeds.handler(new FeedIntake<>(Feeds.ED_ATTENDANCE, reference), json));
    v1.post("/ambulance/handovers").handler(feeds.handler(new FeedIntake<>(Feeds.AMBULANCE_HANDOVER, reference), json));
    v1.post("/beds/states").handler(feeds.handler(new FeedIntake<>(Feeds.BED_STATE, reference), json));
    v1.post("/vaccine/stock").handler(feeds.handler(new FeedIntake<>(Feeds.VACCINE_STOCK, reference), json));
    v1.post("/vaccine/bookings").handler(feeds.handler(new FeedIntake<>(Feeds.VACCINE_BOOKINGS, reference), json));
    v1.post("/cold-chain/readings").handler(feeds.handler(new FeedIntake<>(Feeds.COLD_CHAIN, reference), json));
    v1.get("/sitreps").handler(new SubmissionRoutes(submissions)::list);
    return v1;
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
