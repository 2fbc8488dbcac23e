package org.goldcommand.ingest.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.ingest.auth.ApiClient;
import org.goldcommand.ingest.auth.FeedAuthentication;
import org.goldcommand.ingest.kafka.Acknowledgement;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.goldcommand.platform.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of every JSON feed. A request is all or nothing: every record is checked first
 * (off the event loop), and if any is refused nothing is stored and the answer names each bad
 * field of each bad record ({@code [n].field}, n counting records from 1). Otherwise every record
 * is sent and the answer is {@code 202} only once Kafka has acknowledged all of them; if it cannot,
 * {@code 503} with {@code Retry-After}, and re-sending the same body is safe because event ids are
 * stable.
 */
public final class FeedRoutes {

  /** More records than this in one request is refused with 413: split the batch. */
  public static final int MAX_RECORDS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(FeedRoutes.class);

  private final Vertx vertx;
  private final FeedProducer producer;
  private final RejectionLog rejections;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final RecentlyStored stored = new RecentlyStored(200_000);

  public FeedRoutes(Vertx vertx, FeedProducer producer, RejectionLog rejections, MeterRegistry metrics, Clock clock) {
    this.vertx = vertx;
    this.producer = producer;
    this.rejections = rejections;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** A handler taking the feed in any of the given media types. */
  public <T> Handler<RoutingContext> handler(FeedIntake<T> intake, Map<String, RecordReader> readers) {
    return ctx -> submit(ctx, intake, readers);
  }

  /** The JSON and NDJSON readers every feed accepts. */
  public static Map<String, RecordReader> jsonReaders() {
    return Map.of("application/json", JsonRecords.json(), "application/x-ndjson", JsonRecords.ndjson(),
        "application/ndjson", JsonRecords.ndjson());
  }

  private <T> void submit(RoutingContext ctx, FeedIntake<T> intake, Map<String, RecordReader> readers) {
    String feed = intake.spec().name();
    ApiClient client = ctx.get(FeedAuthentication.CLIENT);
    String mediaType = mediaType(ctx.request().getHeader("Content-Type"));
    RecordReader reader = readers.get(mediaType);
    if (reader == null) {
      count(feed, "rejected", 1);
      ErrorResponses.send(ctx, 415, "Send " + feed + " records as one of " + readers.keySet().stream().sorted().toList());
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    vertx.executeBlocking(() -> check(intake, reader, body, client), false)
        .onFailure(ctx::fail)
        .onSuccess(outcome -> {
          if (outcome.refusal() != null) {
            count(feed, "rejected", 1);
            ErrorResponses.send(ctx, outcome.refusal().status(), outcome.refusal().error(),
                outcome.refusal().violations());
          } else {
            store(ctx, feed, outcome.accepted());
          }
        });
  }

  /** The result of checking a whole request. */
  private record Outcome<T>(List<FeedIntake.Accepted<T>> accepted, FeedIntake.Refused refusal) {}

  private <T> Outcome<T> check(FeedIntake<T> intake, RecordReader reader, byte[] body, ApiClient client) {
    String feed = intake.spec().name();
    RecordReader.Records records = reader.read(body);
    if (!records.problems().isEmpty()) {
      return refuse(feed, client, new FeedIntake.Refused(400, "The body cannot be read as " + feed + " records",
          records.problems(), null));
    }
    if (records.records().size() > MAX_RECORDS) {
      return refuse(feed, client, new FeedIntake.Refused(413, "At most " + MAX_RECORDS
          + " records per request; this one has " + records.records().size() + ". Split the batch", List.of(), null));
    }
    Instant now = clock.instant();
    List<FeedIntake.Accepted<T>> accepted = new ArrayList<>();
    List<FeedIntake.Refused> refused = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    int n = 0;
    for (var record : records.records()) {
      n++;
      FeedIntake.Checked<T> checked = intake.check(record, client, now);
      if (checked.accepted() != null) {
        accepted.add(checked.accepted());
      } else {
        refused.add(checked.refused());
        String prefix = records.batch() ? "[" + n + "]" : "";
        for (Violation v : checked.refused().violations()) {
          violations.add(new Violation(prefix.isEmpty() ? v.path() : v.path().isEmpty() ? prefix : prefix + "." + v.path(),
              v.message()));
        }
      }
    }
    if (refused.isEmpty()) {
      return new Outcome<>(accepted, null);
    }
    int status = refused.stream().mapToInt(FeedIntake.Refused::status).anyMatch(s -> s == 400) ? 400
        : refused.stream().anyMatch(r -> r.status() == 403) ? 403 : 422;
    String error = records.batch()
        ? refused.size() + " of " + records.records().size() + " records were refused, so none was stored: "
            + refused.get(0).error()
        : refused.get(0).error();
    String orgCode = refused.stream().map(FeedIntake.Refused::orgCode).filter(o -> o != null).findFirst().orElse(null);
    return refuse(feed, client, new FeedIntake.Refused(status, error, violations, orgCode));
  }

  private <T> Outcome<T> refuse(String feed, ApiClient client, FeedIntake.Refused refusal) {
    String org = refusal.orgCode() != null ? refusal.orgCode() : client.organisations().stream().sorted().findFirst()
        .orElse(null);
    rejections.record(org, feed, Integer.toString(refusal.status()), refusal.error());
    return new Outcome<>(List.of(), refusal);
  }

  private <T> void store(RoutingContext ctx, String feed, List<FeedIntake.Accepted<T>> accepted) {
    List<FeedIntake.Accepted<T>> fresh = accepted.stream().filter(a -> !stored.contains(a.envelope().id())).toList();
    Future<Void> acked = Acknowledgement.of(vertx, () -> CompletableFuture.allOf(fresh.stream()
        .map(a -> a.serialised() != null ? producer.sendSerialised(a.topic(), a.key(), a.serialised())
            : producer.send(a.topic(), a.key(), a.envelope()))
        .toArray(CompletableFuture[]::new)));
    acked.onSuccess(v -> {
      fresh.forEach(a -> stored.add(a.envelope().id()));
      count(feed, "accepted", accepted.size());
      JsonArray ids = new JsonArray();
      accepted.forEach(a -> ids.add(a.receipt()));
      ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
          .end(new JsonObject().put("accepted", accepted.size()).put("ids", ids).encode());
    }).onFailure(error -> {
      LOG.warn("Kafka did not acknowledge {} {} records: {}", accepted.size(), feed, error.toString());
      count(feed, "unavailable", accepted.size());
      JsonArray ids = new JsonArray();
      accepted.forEach(a -> ids.add(a.receipt()));
      ctx.response().setStatusCode(503).putHeader("Retry-After", "5").putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "Not known to be stored: the event store did not acknowledge. Retry later "
              + "with the same records and these ids (submissionId for sitreps); each is counted once.")
              .put("ids", ids).encode());
    });
  }

  private void count(String feed, String outcome, int records) {
    metrics.counter("gc.ingest.submissions", "feed", feed, "outcome", outcome).increment();
    metrics.counter("gc.ingest.records", "feed", feed, "outcome", outcome).increment(records);
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
