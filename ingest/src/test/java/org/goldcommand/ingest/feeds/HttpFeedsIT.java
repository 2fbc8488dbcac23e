package org.goldcommand.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.ingest.IngestHarness;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every HTTP feed, end to end: valid input lands on its topic exactly once, however often it is sent. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFeedsIT {

  IngestHarness ingest;
  KafkaBroker broker;

  @BeforeAll
  void start(KafkaBroker broker) {
    this.broker = broker;
    broker.createTopics(Topics.all());
    ingest = new IngestHarness(broker.bootstrapServers());
  }

  @AfterAll
  void stop() {
    ingest.close();
  }

  @TestFactory
  Stream<DynamicTest> eachFeedLandsOnItsTopicOnceEvenWhenSentTwice() {
    return FeedExamples.all().stream().map(example -> DynamicTest.dynamicTest(example.feed(), () -> {
      HttpResponse<String> first = ingest.post(example.path(), "demo-key-rxn", "application/json", example.body());
      assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
      String id = new JsonObject(first.body()).getJsonArray("ids").getString(0);
      HttpResponse<String> again = ingest.post(example.path(), "demo-key-rxn", "application/json", example.body());
      assertThat(again.statusCode()).isEqualTo(202);
      assertThat(new JsonObject(again.body()).getJsonArray("ids").getString(0)).isEqualTo(id);

      List<String> onTopic = readAll(example.topic()).stream()
          .map(r -> new String(r.value(), StandardCharsets.UTF_8))
          .filter(v -> v.contains(example.feed().equals("sitrep") ? "\"sitrep/RXN/" + id + "\"" : "\"" + id + "\""))
          .toList();
      assertThat(onTopic).as("records with id " + id).hasSize(1);
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachFeedRefusesASiteOfAnotherTrust() {
    return FeedExamples.all().stream().map(example -> DynamicTest.dynamicTest(example.feed(), () -> {
      HttpResponse<String> response = ingest.post(example.path(), "demo-key-rxl", "application/json", example.body());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(response.body()).contains("RXN");
    }));
  }

  @org.junit.jupiter.api.Test
  void anNdjsonBatchIsAllOrNothingAndNamesTheBadLine() throws Exception {
    String ok = "{\"attendanceId\":\"b-%s\",\"siteCode\":\"RXN02\",\"event\":\"ARRIVAL\",\"at\":\"%s\"}";
    String at = FeedExamples.now();
    String batch = String.format(ok, "1", at) + "\n" + String.format(ok, "2", at) + "\n"
        + "{\"attendanceId\":\"b-3\",\"siteCode\":\"RXN02\",\"event\":\"LEFT\",\"at\":\"" + at + "\"}\n";
    HttpResponse<String> refused = ingest.post("/v1/ed/attendances", "demo-key-rxn", "application/x-ndjson", batch);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("[3].event").contains("1 of 3 records were refused");

    String good = String.join("\n", Stream.of("4", "5", "6").map(n -> String.format(ok, n, at)).toList());
    HttpResponse<String> accepted = ingest.post("/v1/ed/attendances", "demo-key-rxn", "application/x-ndjson", good);
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(accepted.body()).getInteger("accepted")).isEqualTo(3);
  }

  List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
        "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
      return all;
    }
  }
}
