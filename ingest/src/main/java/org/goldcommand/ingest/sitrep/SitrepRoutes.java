package org.goldcommand.ingest.sitrep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.sitrep.SitrepRules;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.validation.SchemaValidator;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.ingest.auth.ApiClient;
import org.goldcommand.ingest.auth.FeedAuthentication;
import org.goldcommand.ingest.kafka.Acknowledgement;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.goldcommand.platform.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/sitreps}: takes one daily sitrep as JSON, checks it against the v1 schema, the
 * sender's organisations and the business rules, and answers {@code 202} only once Kafka holds
 * it. Every rejection names each bad field, so a trust fixes its return in one go.
 */
public final class SitrepRoutes {

  /** CloudEvents type of accepted sitreps. */
  public static final String EVENT_TYPE = "org.goldcommand.sitrep.v1";

  private static final Logger LOG = LoggerFactory.getLogger(SitrepRoutes.class);
  private static final SchemaValidator SCHEMA = SchemaValidator.forResource("schemas/sitrep.v1.json");

  private final Vertx vertx;
  private final FeedProducer producer;
  private final ReferenceData reference;
  private final Clock clock;
  private final MeterRegistry metrics;

  public SitrepRoutes(Vertx vertx, FeedProducer producer, ReferenceData reference, Clock clock, MeterRegistry metrics) {
    this.vertx = vertx;
    this.producer = producer;
    this.reference = reference;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The event id of a submission: stable across re-sends, so every consumer can de-duplicate. */
  public static String eventId(String orgCode, String submissionId) {
    return "sitrep/" + orgCode + "/" + submissionId;
  }

  /** Handles one submission. */
  public void submit(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      reject(ctx, 415, "Send the sitrep as application/json", List.of());
      return;
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(ctx.body().buffer().getBytes());
    } catch (java.io.IOException e) {
      reject(ctx, 400, "The body is not valid JSON", List.of(new Violation("", firstLine(e.getMessage()))));
      return;
    }
    if (node == null || !node.isObject()) {
      reject(ctx, 400, "The body must be one JSON object (a sitrep)", List.of(new Violation("", "is not an object")));
      return;
    }
    List<Violation> schemaViolations = SCHEMA.validate(node);
    if (!schemaViolations.isEmpty()) {
      reject(ctx, 400, "The sitrep does not match the sitrep v1 schema", schemaViolations);
      return;
    }
    Sitrep sitrep;
    try {
      sitrep = Json.mapper().treeToValue(node, Sitrep.class);
    } catch (JsonProcessingException e) {
      reject(ctx, 400, "The sitrep cannot be read", List.of(new Violation("", firstLine(e.getOriginalMessage()))));
      return;
    }
    ApiClient client = ctx.get(FeedAuthentication.CLIENT);
    if (!client.mayActFor(sitrep.orgCode())) {
      reject(ctx, 403, "This API key may not submit for " + sitrep.orgCode(),
          List.of(new Violation("orgCode", "is not an organisation this key is bound to")));
      return;
    }
    Instant now = clock.instant();
    List<Violation> ruleViolations = SitrepRules.check(sitrep, reference, now);
    if (!ruleViolations.isEmpty()) {
      reject(ctx, 422, "The sitrep breaks the sitrep rules", ruleViolations);
      return;
    }
    String submissionId = sitrep.submissionId() != null ? sitrep.submissionId() : UUID.randomUUID().toString();
    Envelope<Sitrep> envelope = Envelope.of(eventId(sitrep.orgCode(), submissionId), "/ingest/sitreps", EVENT_TYPE,
        sitrep.orgCode(), sitrep.asAt(), now, sitrep.withSubmissionId(submissionId));
    Acknowledgement.of(vertx, () -> producer.send(Topics.SITREPS, sitrep.orgCode(), envelope))
        .onSuccess(ack -> {
          count("accepted");
          ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
              .end(new JsonObject().put("accepted", 1).put("ids", new JsonArray().add(submissionId)).encode());
        })
        .onFailure(error -> {
          LOG.warn("Kafka did not acknowledge sitrep {} from {}: {}", envelope.id(), client.name(), error.toString());
          count("unavailable");
          ctx.response().putHeader("Retry-After", "5");
          ErrorResponses.send(ctx, 503, "The sitrep was not stored: the event store is unavailable. Retry later; "
              + "re-sending the same submissionId is safe.");
        });
  }

  private void reject(RoutingContext ctx, int status, String error, List<Violation> violations) {
    count("rejected");
    ErrorResponses.send(ctx, status, error, violations);
  }

  private void count(String outcome) {
    metrics.counter("gc.ingest.submissions", "feed", "sitrep", "outcome", outcome).increment();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
