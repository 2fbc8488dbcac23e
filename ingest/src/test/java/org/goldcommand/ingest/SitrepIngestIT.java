package org.goldcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitrepIngestIT {

  IngestHarness ingest;
  TopicReader<String, Envelope<Sitrep>> sitreps;

  @BeforeAll
  void start(KafkaBroker broker) {
    broker.createTopics(Topics.all());
    ingest = new IngestHarness(broker.bootstrapServers());
    sitreps = new TopicReader<>(broker, Topics.SITREPS);
  }

  @AfterAll
  void stop() {
    sitreps.close();
    ingest.close();
  }

  static String sitrep(String submissionId, String org, int occupied) {
    String asAt = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS).toString();
    return """
        {"submissionId": "%s", "orgCode": "%s", "asAt": "%s",
         "beds": {"gaCoreOpen": 700, "gaEscalationOpen": 20, "gaOccupied": %d,
                  "adultCriticalCareOpen": 30, "adultCriticalCareOccupied": 28}}
        """.formatted(submissionId, org, asAt, occupied);
  }

  @Test
  void aValidSitrepIsAcceptedOnlyOnceKafkaHasItAndKeepsItsFigures() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> response = ingest.postSitrep("demo-key-rxn", sitrep(id, "RXN", 690));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getInteger("accepted")).isEqualTo(1);
    assertThat(body.getJsonArray("ids").getString(0)).isEqualTo(id);

    ConsumerRecord<String, Envelope<Sitrep>> stored = sitreps.await(r -> r.value().data().submissionId().equals(id),
        Duration.ofSeconds(10));
    assertThat(stored.key()).isEqualTo("RXN");
    assertThat(stored.value().id()).isEqualTo("sitrep/RXN/" + id);
    assertThat(stored.value().data().beds().gaOccupied()).isEqualTo(690);
    assertThat(stored.value().receivedAt()).isAfter(stored.value().time());
  }

  @Test
  void aSitrepWithoutAnIdIsGivenOne() throws Exception {
    HttpResponse<String> response = ingest.postSitrep("demo-key-rxl",
        sitrep("x", "RXL", 600).replace("\"submissionId\": \"x\", ", ""));
    assertThat(response.statusCode()).isEqualTo(202);
    String id = new JsonObject(response.body()).getJsonArray("ids").getString(0);
    assertThat(UUID.fromString(id)).isNotNull();
  }

  @Test
  void aBadSitrepIsRefusedNamingEachFieldAndReachesNoTopic() throws Exception {
    String badId = UUID.randomUUID().toString();
    String bad = sitrep(badId, "RXN", 690).replace("\"gaCoreOpen\": 700", "\"gaCoreOpen\": -5")
        .replace("\"adultCriticalCareOpen\": 30", "\"adultCriticalCareOpen\": \"thirty\"");
    HttpResponse<String> response = ingest.postSitrep("demo-key-rxn", bad);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("error")).contains("schema");
    assertThat(body.getJsonArray("violations").stream().map(v -> ((JsonObject) v).getString("path")))
        .containsExactlyInAnyOrder("beds.gaCoreOpen", "beds.adultCriticalCareOpen");

    String goodId = UUID.randomUUID().toString();
    assertThat(ingest.postSitrep("demo-key-rxn", sitrep(goodId, "RXN", 650)).statusCode()).isEqualTo(202);
    sitreps.await(r -> r.value().data().submissionId().equals(goodId), Duration.ofSeconds(10));
    assertThat(sitreps.seen()).noneMatch(r -> r.value().data().submissionId().equals(badId));
  }

  @Test
  void aCsvUploadIsOneReturnPerRowAndErrorsNameTheRowAndColumn() throws Exception {
    String asAt = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS).toString();
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String csv = "submissionId,orgCode,asAt,beds.gaCoreOpen,beds.gaEscalationOpen,beds.gaOccupied\n"
        + a + ",RXN," + asAt + ",700,20,690\n" + b + ",RXN," + asAt + ",700,20,701\n";
    HttpResponse<String> accepted = ingest.post("/v1/sitreps", "demo-key-rxn", "text/csv", csv);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(new JsonObject(accepted.body()).getJsonArray("ids")).containsExactly(a, b);
    sitreps.await(r -> r.value().data().submissionId().equals(b), Duration.ofSeconds(10));

    String bad = "orgCode,asAt,beds.gaCoreOpen,beds.gaOccupied\nRXN," + asAt + ",700,690\nRXN," + asAt + ",lots,690\n";
    HttpResponse<String> refused = ingest.post("/v1/sitreps", "demo-key-rxn", "text/csv", bad);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("[2].beds.gaCoreOpen");
  }

  @Test
  void aTrustSeesItsRecentReturnsCorrectionsAndRefusalsButNoOneElses() throws Exception {
    String original = UUID.randomUUID().toString();
    String correction = UUID.randomUUID().toString();
    assertThat(ingest.postSitrep("demo-key-rtx", sitrep(original, "RTX", 600)).statusCode()).isEqualTo(202);
    String corrected = sitrep(correction, "RTX", 610).replace("\"orgCode\"", "\"supersedes\": \"" + original + "\", \"orgCode\"");
    assertThat(ingest.postSitrep("demo-key-rtx", corrected).statusCode()).isEqualTo(202);
    assertThat(ingest.postSitrep("demo-key-rtx", sitrep(UUID.randomUUID().toString(), "RTX", 9_999)).statusCode())
        .isEqualTo(422);

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      HttpResponse<String> listing = ingest.get("/v1/sitreps", "demo-key-rtx");
      assertThat(listing.statusCode()).isEqualTo(200);
      JsonObject body = new JsonObject(listing.body());
      var byId = body.getJsonArray("accepted").stream().map(JsonObject.class::cast)
          .collect(java.util.stream.Collectors.toMap(a -> a.getString("submissionId"), a -> a));
      assertThat(byId.get(original).getString("supersededBy")).isEqualTo(correction);
      assertThat(byId.get(correction).getJsonObject("sitrep").getJsonObject("beds").getInteger("gaOccupied"))
          .isEqualTo(610);
      assertThat(body.getJsonArray("refused").encode()).contains("422").contains("sitrep rules");
      assertThat(byId.values()).allMatch(a -> a.getJsonObject("sitrep").getString("orgCode").equals("RTX"));
    });
  }

  @Test
  void contradictoryFiguresAreUnprocessable() throws Exception {
    HttpResponse<String> response = ingest.postSitrep("demo-key-rxn", sitrep(UUID.randomUUID().toString(), "RXN", 900));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("beds.gaOccupied").contains("720 G&A beds open");
  }

  @Test
  void brokenJsonIsABadRequestNotAServerError() throws Exception {
    HttpResponse<String> response = ingest.postSitrep("demo-key-rxn", "{\"orgCode\": \"RXN\", ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("not valid JSON");
  }

  @Test
  void noKeyOrAnUnknownKeyIsUnauthorised() throws Exception {
    String body = sitrep(UUID.randomUUID().toString(), "RXN", 690);
    assertThat(ingest.postSitrep(null, body).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = ingest.postSitrep("not-a-key", body);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void aKeyForAnotherTrustIsForbidden() throws Exception {
    HttpResponse<String> response = ingest.postSitrep("demo-key-rxl", sitrep(UUID.randomUUID().toString(), "RXN", 690));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("orgCode");
  }

  @Test
  void anOversizedBodyIsRefusedWithJson() throws Exception {
    String huge = sitrep(UUID.randomUUID().toString(), "RXN", 690).replace("}}", "}, \"comments\": \"" + "x".repeat(70_000) + "\"}");
    HttpResponse<String> response = ingest.postSitrep("demo-key-rxn", huge);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(response.body()).getString("error")).contains("larger");
  }

  @Test
  void healthReadinessAndMetricsAreServed() throws Exception {
    assertThat(ingest.get("/health").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> ingest.get("/ready").statusCode() == 200);
    ingest.postSitrep("demo-key-rxn", sitrep(UUID.randomUUID().toString(), "RXN", 600));
    String metrics = ingest.get("/metrics").body();
    assertThat(metrics).contains("gc_ingest_submissions_total").contains("kafka_producer");
  }
}
