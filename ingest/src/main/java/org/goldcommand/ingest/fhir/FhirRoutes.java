package org.goldcommand.ingest.fhir;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.ingest.auth.ApiClient;
import org.goldcommand.ingest.auth.FeedAuthentication;
import org.goldcommand.ingest.feed.FeedIntake;
import org.goldcommand.ingest.feed.RecentlyStored;
import org.goldcommand.ingest.feed.RejectionLog;
import org.goldcommand.ingest.kafka.Acknowledgement;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR R4 door for A&amp;E systems that speak FHIR rather than NDJSON: {@code POST /Encounter},
 * {@code PUT /Encounter/{id}}, {@code POST /} (a batch or transaction Bundle) and
 * {@code GET /metadata}, relative to where the router is mounted. It keeps the promises of the JSON
 * feeds: checked off the event loop, the same validation and event ids, nothing acknowledged until
 * Kafka has acknowledged it, {@code 503} with {@code Retry-After} when it cannot, refusals recorded
 * for feed status; but every answer is FHIR: an {@code OperationOutcome} naming each bad element
 * by FHIRPath, or a response Bundle. Expects {@link FeedAuthentication} and a body handler ahead of
 * it; a body over the limit is answered {@code 413} here too.
 */
public final class FhirRoutes {

  /** The feed name in metrics and feed status. */
  public static final String FEED = "fhir-encounter";

  /** The media types taken (the last is the DSTU2-era name some engines still send). */
  public static final Set<String> MEDIA_TYPES = Set.of("application/fhir+json", "application/json",
      "application/json+fhir");

  private static final Logger LOG = LoggerFactory.getLogger(FhirRoutes.class);

  private final Vertx vertx;
  private final FeedProducer producer;
  private final RejectionLog rejections;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final ReferenceData reference;
  private volatile FhirSubmission submission;
  private final RecentlyStored stored = new RecentlyStored(200_000);

  private final Future<Void> warmUp;

  public FhirRoutes(Vertx vertx, FeedProducer producer, RejectionLog rejections, ReferenceData reference,
      MeterRegistry metrics, Clock clock) {
    this.vertx = vertx;
    this.producer = producer;
    this.rejections = rejections;
    this.metrics = metrics;
    this.clock = clock;
    this.reference = reference;
    // HAPI's FHIR context takes about a second to build and learn the resources: do it now, on a
    // worker, rather than on the event loop or in the first sender's request.
    this.warmUp = vertx.executeBlocking(() -> submission().warmUp(), false)
        .onFailure(e -> LOG.warn("Could not prepare the FHIR parser: {}", e.toString()))
        .<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /**
   * Completes once the FHIR parser is prepared (or could not be). Whoever stops the verticle waits
   * for it, so the preparation never completes on a context that has already closed.
   */
  public Future<Void> warmedUp() {
    return warmUp;
  }

  /** The submission checker, built on first use; call off the event loop. */
  private FhirSubmission submission() {
    FhirSubmission current = submission;
    if (current == null) {
      synchronized (this) {
        current = submission;
        if (current == null) {
          current = new FhirSubmission(reference);
          submission = current;
        }
      }
    }
    return current;
  }

  /**
   * The routes, to mount with {@code route("/fhir/*").subRouter(router())} on a router that already
   * authenticates and reads bodies (the {@code /v1} router of the JSON feeds).
   */
  public Router router() {
    return router(List.of());
  }

  /**
   * The routes with handlers of their own in front ({@link FeedAuthentication}, a body handler), for
   * mounting at a path no other router covers, such as {@code /fhir} at the root. A body over the
   * limit is then answered in FHIR too.
   */
  public Router router(List<Handler<RoutingContext>> first) {
    Router router = Router.router(vertx);
    first.forEach(handler -> router.route().handler(handler));
    router.post("/Encounter").handler(ctx -> submit(ctx,
        (client, body) -> submission().encounter(body, null, client, clock.instant())));
    router.put("/Encounter/:id").handler(ctx -> submit(ctx,
        (client, body) -> submission().encounter(body, ctx.pathParam("id"), client, clock.instant())));
    // The FHIR base itself, with or without its trailing slash.
    router.postWithRegex("/?").handler(ctx -> submit(ctx,
        (client, body) -> submission().bundle(body, client, clock.instant())));
    router.get("/metadata").handler(ctx -> send(ctx, 200, FhirResponses.capabilities(clock.instant())));
    router.route().handler(this::unsupported);
    router.route().failureHandler(this::failure);
    return router;
  }

  private void submit(RoutingContext ctx, BiFunction<ApiClient, byte[], FhirSubmission.Plan> check) {
    ApiClient client = ctx.get(FeedAuthentication.CLIENT);
    if (client == null) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      send(ctx, 401, FhirResponses.error(401, IssueType.LOGIN,
          "An API key is required: 'Authorization: Bearer <key>'"));
      return;
    }
    String unsupported = unsupportedMediaType(ctx.request().getHeader("Content-Type"));
    if (unsupported != null) {
      count("rejected", 0);
      send(ctx, 415, FhirResponses.error(415, IssueType.NOTSUPPORTED, unsupported));
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    vertx.executeBlocking(() -> {
      FhirSubmission.Plan plan = check.apply(client, body);
      if (plan.refused()) {
        record(client, plan, FhirIssue.statusOf(plan.issues()), plan.issues().get(0).message());
      } else if (plan.refusedEntries() > 0) {
        List<FhirIssue> issues = plan.entries().stream().flatMap(e -> e.issues().stream()).toList();
        record(client, plan, FhirIssue.statusOf(issues), plan.refusedEntries() + " of " + plan.entries().size()
            + " batch entries were refused: " + issues.get(0).message());
      }
      return plan;
    }, false).onFailure(ctx::fail).onSuccess(plan -> {
      if (plan.refused()) {
        count("rejected", 0);
        send(ctx, FhirIssue.statusOf(plan.issues()), FhirResponses.errors(plan.issues()));
      } else {
        store(ctx, plan);
      }
    });
  }

  private void store(RoutingContext ctx, FhirSubmission.Plan plan) {
    List<FeedIntake.Accepted<AttendanceEvent>> accepted = plan.accepted();
    Map<String, FeedIntake.Accepted<AttendanceEvent>> fresh = new LinkedHashMap<>();
    accepted.stream().filter(a -> !stored.contains(a.envelope().id()))
        .forEach(a -> fresh.putIfAbsent(a.envelope().id(), a));
    Future<Void> acked = Acknowledgement.of(vertx, () -> CompletableFuture.allOf(fresh.values().stream()
        .map(a -> producer.send(a.topic(), a.key(), a.envelope()))
        .toArray(CompletableFuture<?>[]::new)));
    acked.onSuccess(v -> {
      fresh.keySet().forEach(stored::add);
      count(plan.refusedEntries() > 0 ? "partial" : "accepted", accepted.size());
      if (plan.bundleType() == null) {
        send(ctx, 202, FhirResponses.stored(accepted));
      } else {
        send(ctx, 200, FhirResponses.bundle(plan));
      }
    }).onFailure(error -> {
      LOG.warn("Kafka did not acknowledge {} FHIR attendance events: {}", fresh.size(), error.toString());
      count("unavailable", 0);
      ctx.response().putHeader("Retry-After", "5");
      send(ctx, 503, FhirResponses.error(503, IssueType.TRANSIENT, "Not stored: the event store is unavailable. "
          + "Retry later; re-sending the same resources is safe, each event is counted once."));
    });
  }

  private void unsupported(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    boolean known = path.endsWith("/Encounter") || path.contains("/Encounter/") || path.endsWith("/fhir")
        || path.endsWith("/fhir/") || path.endsWith("/metadata");
    if (known) {
      ctx.response().putHeader("Allow", path.contains("/Encounter/") ? "PUT" : path.endsWith("/metadata") ? "GET"
          : "POST");
      send(ctx, 405, FhirResponses.error(405, IssueType.NOTSUPPORTED, ctx.request().method()
          + " is not supported here: Gold Command takes Encounters (POST Encounter, PUT Encounter/[id]) and "
          + "batch or transaction Bundles (POST to the base), and keeps no resources to read back"));
    } else {
      send(ctx, 404, FhirResponses.error(404, IssueType.NOTSUPPORTED, "Nothing here: only Encounter resources "
          + "(A&E attendances, class EMER) and batch or transaction Bundles of them are taken"));
    }
  }

  private void failure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    int status = ctx.statusCode();
    if (status == 413) {
      count("rejected", 0);
      send(ctx, 413, FhirResponses.error(413, IssueType.TOOCOSTLY,
          "The body is larger than this service accepts; split the Bundle into smaller ones"));
    } else if (status >= 400 && status < 500) {
      send(ctx, status, FhirResponses.error(status, IssueType.INVALID, "The request cannot be handled"));
    } else {
      LOG.error("FHIR request failed: {} {}", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
      send(ctx, 500, FhirResponses.error(500, IssueType.EXCEPTION, "Internal error; nothing was stored. Retry later"));
    }
  }

  /** Why a Content-Type is not taken, or null when it is. */
  static String unsupportedMediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "Send a Content-Type: application/fhir+json";
    }
    String[] parts = contentType.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!MEDIA_TYPES.contains(type)) {
      return "Content-Type " + type + " is not taken: send FHIR JSON as application/fhir+json"
          + (type.contains("xml") ? " (FHIR XML is not accepted)" : "");
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].trim().split("=", 2);
      if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("fhirVersion")
          && !parameter[1].trim().replace("\"", "").startsWith("4.0")) {
        return "fhirVersion " + parameter[1].trim() + " is not taken: only FHIR R4 (4.0)";
      }
    }
    return null;
  }

  private void record(ApiClient client, FhirSubmission.Plan plan, int status, String reason) {
    String org = plan.orgCode() != null ? plan.orgCode()
        : client.organisations().stream().sorted().findFirst().orElse(null);
    rejections.record(org, FEED, Integer.toString(status), reason);
  }

  private void count(String outcome, int events) {
    metrics.counter("gc.ingest.submissions", "feed", FEED, "outcome", outcome).increment();
    if (events > 0) {
      metrics.counter("gc.ingest.records", "feed", FEED, "outcome", outcome).increment(events);
    }
  }

  private static void send(RoutingContext ctx, int status, IBaseResource resource) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", FhirResponses.MEDIA_TYPE)
        .end(FhirResponses.encode(resource));
  }
}
