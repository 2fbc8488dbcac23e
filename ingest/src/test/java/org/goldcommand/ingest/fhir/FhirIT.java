package org.goldcommand.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.ingest.auth.ApiKeys;
import org.goldcommand.ingest.auth.FeedAuthentication;
import org.goldcommand.ingest.feed.RejectionLog;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.goldcommand.platform.ErrorResponses;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The FHIR routes over HTTP against a real broker: at {@code /fhir} with authentication and a body
 * limit of their own (as the OpenAPI document places them), and under {@code /v1} behind the JSON
 * feeds' authentication and body handler. A third mount writes through a producer with no broker
 * behind it, to see a {@code 503}.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirIT {

  static final int BODY_LIMIT = 256 * 1024;
  static final String RXN = "demo-key-rxn";

  KafkaBroker broker;
  Vertx vertx;
  FeedProducer producer;
  FeedProducer deadProducer;
  KafkaConsumer<byte[], byte[]> offsets;
  HttpServer server;
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(KafkaBroker broker) {
    this.broker = broker;
    broker.createTopics(Topics.all());
    vertx = Vertx.vertx();
    producer = new FeedProducer(broker.bootstrapServers(), "fhir-it");
    deadProducer = new FeedProducer("127.0.0.1:9", "fhir-it-dead");
    Router root = Router.router(vertx);
    root.route("/fhir/*").subRouter(routes(producer).router(List.of(new FeedAuthentication(ApiKeys.demo()),
        BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false))));
    root.route("/v1/*").subRouter(v1(producer));
    root.route("/dead/*").subRouter(v1(deadProducer));
    root.errorHandler(413, ctx -> ErrorResponses.send(ctx, 413, "not the FHIR answer"));
    server = vertx.createHttpServer().requestHandler(root).listen(0).await();
    offsets = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers()), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private Router v1(FeedProducer to) {
    Router v1 = Router.router(vertx);
    v1.route().handler(new FeedAuthentication(ApiKeys.demo()));
    v1.route().handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
    v1.route("/fhir/*").subRouter(routes(to).router());
    return v1;
  }

  private FhirRoutes routes(FeedProducer to) {
    return new FhirRoutes(vertx, to, new RejectionLog(to, Clock.systemUTC()), ReferenceDataLoader.demo(), metrics,
        Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    server.close().await();
    vertx.close().await();
    producer.close();
    deadProducer.close();
    offsets.close();
  }

  @Test
  void anEncounterLandsAsItsEventsExactlyOnceHoweverOftenItIsSent() throws Exception {
    HttpResponse<String> first = post("/fhir/Encounter", RXN, FhirCorpus.JSON, FhirExamples.text(FhirExamples.FINISHED));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/fhir+json"));
    List<String> ids = ids(FhirExamples.parse(first.body()));
    assertThat(ids).hasSize(4).allMatch(id -> id.startsWith("ed-attendance/RXN02/AE-2025-000123/"));

    HttpResponse<String> again = post("/fhir/Encounter", RXN, "application/json; charset=utf-8",
        FhirExamples.text(FhirExamples.FINISHED));
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(ids(FhirExamples.parse(again.body()))).isEqualTo(ids);

    List<String> onTopic = attendances();
    for (String id : ids) {
      assertThat(onTopic.stream().filter(v -> v.contains("\"id\":\"" + id + "\""))).as(id).hasSize(1);
    }
    assertThat(String.join("\n", onTopic)).as("nothing of the patient reaches Kafka")
        .doesNotContain("9449306680", "Patient/", "Chalmers", "Practitioner", "Careful", "Chest pain");
    assertThat(metrics.counter("gc.ingest.submissions", "feed", "fhir-encounter", "outcome", "accepted").count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aTransactionOfSeveralLandsWholeAndOnce() throws Exception {
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = post("/fhir", RXN, FhirCorpus.JSON, FhirExamples.text(FhirExamples.TRANSACTION));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode bundle = FhirExamples.parse(response.body());
      assertThat(bundle.get("type").asText()).isEqualTo("transaction-response");
      assertThat(bundle.get("entry")).hasSize(3)
          .allSatisfy(e -> assertThat(e.at("/response/status").asText()).isEqualTo("202 Accepted"));
    }
    List<String> onTopic = attendances();
    for (String attendance : List.of("RXN02/AE-2025-000201/ARRIVAL", "RXN02/AE-2025-000201/INITIAL_ASSESSMENT",
        "RXN01/AE-2025-000202/ARRIVAL", "RXN01/AE-2025-000202/DEPARTURE", "RXN02/AE-2025-000203/ARRIVAL")) {
      assertThat(onTopic.stream().filter(v -> v.contains("ed-attendance/" + attendance + "/"))).as(attendance).hasSize(1);
    }
  }

  @Test
  void aBatchStoresItsGoodEntriesAndAnswersEachBadOne() throws Exception {
    String batch = FhirExamples.bundle("batch", List.of(FhirExamples.tree(FhirExamples.CONTAINED),
        FhirExamples.tree(FhirExamples.AMBULATORY)));
    HttpResponse<String> response = post("/v1/fhir/", RXN, FhirCorpus.JSON, batch);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode entries = FhirExamples.parse(response.body()).get("entry");
    assertThat(entries.get(0).at("/response/status").asText()).isEqualTo("202 Accepted");
    assertThat(entries.get(1).at("/response/status").asText()).isEqualTo("422 Unprocessable Entity");
    assertThat(entries.get(1).at("/response/outcome/issue/0/expression/0").asText())
        .isEqualTo("Bundle.entry[1].resource.class");
    List<String> onTopic = attendances();
    assertThat(onTopic.stream().filter(v -> v.contains("ed-attendance/RXN01/CSR-778812/"))).hasSize(3);
    assertThat(onTopic).noneMatch(v -> v.contains("OP-5512"));
  }

  @TestFactory
  Stream<DynamicTest> everyMalformedInputGetsA4xxOperationOutcomeNamingTheProblem() {
    List<FhirCorpus.Case> corpus = FhirCorpus.all(BODY_LIMIT);
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
    return corpus.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      long before = stored();
      HttpResponse<String> response = send(c.method(), "/fhir" + c.path(), RXN, c.contentType(), c.body());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("application/fhir+json"));
      JsonNode outcome = FhirExamples.parse(response.body());
      assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
      assertThat(outcome.at("/issue/0/severity").asText()).isEqualTo("error");
      assertThat(response.body()).contains(c.mentions());
      assertThat(stored()).as("nothing stored").isEqualTo(before);
    }));
  }

  @Test
  void aKeyIsRequiredAndOtherPathsAreAnsweredInFhir() throws Exception {
    for (String path : List.of("/fhir/Encounter", "/fhir", "/v1/fhir/Encounter")) {
      HttpResponse<String> anonymous = post(path, null, FhirCorpus.JSON, FhirExamples.text(FhirExamples.FINISHED));
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
    }
    HttpResponse<String> patient = post("/fhir/Patient", RXN, FhirCorpus.JSON, "{\"resourceType\":\"Patient\"}");
    assertThat(patient.statusCode()).isEqualTo(404);
    assertThat(patient.body()).contains("OperationOutcome");
    HttpResponse<String> read = send("GET", "/fhir/Encounter", RXN, null, new byte[0]);
    assertThat(read.statusCode()).isEqualTo(405);
    HttpResponse<String> metadata = send("GET", "/fhir/metadata", RXN, null, new byte[0]);
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(FhirExamples.parse(metadata.body()).get("fhirVersion").asText()).isEqualTo("4.0.1");
  }

  @Test
  void withoutKafkaNothingIsAcknowledged() throws Exception {
    HttpResponse<String> response = post("/dead/fhir/Encounter", RXN, FhirCorpus.JSON,
        FhirExamples.text(FhirExamples.CONTAINED));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.body()).contains("OperationOutcome").contains("transient");
  }

  private static List<String> ids(JsonNode outcome) {
    List<String> ids = new ArrayList<>();
    outcome.get("issue").forEach(i -> ids.add(i.get("diagnostics").asText()));
    return ids;
  }

  private HttpResponse<String> post(String path, String key, String contentType, String body) throws Exception {
    return send("POST", path, key, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String path, String key, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path))
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** How many records the attendance topic holds. */
  private long stored() {
    String topic = Topics.ED_ATTENDANCES.name();
    List<TopicPartition> partitions = offsets.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every record on the attendance topic, as sent: Kafka acknowledged them before ingest answered. */
  private List<String> attendances() {
    String topic = Topics.ED_ATTENDANCES.name();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<String> values = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
      }
      return values;
    }
  }
}
