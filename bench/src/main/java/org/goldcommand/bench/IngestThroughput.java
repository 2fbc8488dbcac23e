package org.goldcommand.bench;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.reference.SiteType;
import org.goldcommand.events.reference.synthetic.SyntheticReferenceData;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.ingest.IngestConfig;
import org.goldcommand.ingest.IngestService;
import org.goldcommand.ingest.simulator.SimulatorKeys;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.KafkaBroker;

/**
 * How close ingest comes to Kafka itself, in one JVM on one machine: an in-JVM broker, then (a) a
 * plain producer with ingest's settings (acks=all, idempotent, linger 5 ms, lz4) writing the very
 * envelopes ingest would write, already serialised, to the same topic as fast as it can, and (b)
 * ingest itself, with the national synthetic reference data and a key file of its own, driven over
 * HTTP with NDJSON batches of fridge readings by several concurrent connections, counting only
 * records answered 202 (so Kafka has acknowledged them). Both get a warm-up, then three rounds each
 * on fresh records, alternating, and the medians are compared. While ingest runs, a sampler
 * records where the CPU goes.
 *
 * <p>Run from the repository root after {@code mvn -B -ntp -pl bench -am install -DskipTests}:
 * <pre>
 * mvn -B -ntp -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath
 * java -Xmx6g -cp "bench/target/classes:$(cat bench/target/classpath)" org.goldcommand.bench.IngestThroughput \
 *   [records=600000] [batch=1000] [connections=8]
 * </pre>
 */
public final class IngestThroughput {

  private static final String KEY = "bench-ingest-throughput-key";
  private static final int ROUNDS = 3;

  private IngestThroughput() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int warmUp = Math.max(batch * connections * 4, records / 2);
    Path dir = Files.createTempDirectory("gold-command-bench");
    Path reference = dir.resolve("national.yaml");
    SyntheticReferenceData.write(SyntheticReferenceData.Spec.national(1), reference);
    List<String> sites = ReferenceDataLoader.fromFile(reference).organisations().stream()
        .flatMap(o -> o.sites().stream()).filter(s -> s.type() == SiteType.VACCINATION_SITE).map(s -> s.code()).toList();
    Path keys = dir.resolve("keys.yaml");
    SimulatorKeys.write(keys, "Ingest throughput bench", KEY, ReferenceDataLoader.fromFile(reference).organisations()
        .stream().map(Organisation::code).toList());
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));

    try (KafkaBroker broker = KafkaBroker.startPrivate()) {
      broker.createTopics(Topics.all());
      Vertx vertx = Vertx.vertx();
      IngestService ingest = new IngestService(vertx, IngestConfig.from(new Settings(Map.of(
          "GC_PROFILE", "production", "GC_INGEST_PORT", "0", "GC_HL7_ENABLED", "false",
          "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
          "GC_INGEST_API_KEYS_FILE", keys.toString(), "GC_REFERENCE_FILE", reference.toString(),
          "GC_INGEST_MAX_BODY_BYTES", Integer.toString(16 * 1_048_576)))), Observability.registry("bench"));
      ingest.start().await();
      URI endpoint = URI.create("http://localhost:" + ingest.port() + "/v1/cold-chain/readings");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      raw(broker.bootstrapServers(), sites, base, warmUp);
      drive(http, endpoint, bodies(sites, base.minus(Duration.ofDays(1)), warmUp, batch), connections);
      double[] raw = new double[ROUNDS];
      double[] viaIngest = new double[ROUNDS];
      Sampler sampler = null;
      for (int round = 0; round < ROUNDS; round++) {
        raw[round] = raw(broker.bootstrapServers(), sites, base.minus(Duration.ofDays(2L + 2 * round)), records);
        List<byte[]> bodies = bodies(sites, base.minus(Duration.ofDays(3L + 2 * round)), records, batch);
        sampler = sampler == null ? new Sampler(5) : sampler;
        viaIngest[round] = drive(http, endpoint, bodies, connections);
        System.out.printf("round %d: raw producer %,.0f events/s, ingest %,.0f events/s%n", round + 1, raw[round],
            viaIngest[round]);
      }
      sampler.close();
      double rawMedian = median(raw);
      double ingestMedian = median(viaIngest);
      System.out.printf("%n%,d records a round, %d rounds, medians:%n", records, ROUNDS);
      System.out.printf("raw KafkaProducer (acks=all, idempotent, same envelopes, same topic): %,.0f events/s%n",
          rawMedian);
      System.out.printf("ingest over HTTP (NDJSON, %d records a request, %d connections, 202 only): %,.0f events/s%n",
          batch, connections, ingestMedian);
      System.out.printf("ratio ingest / raw: %.0f%%   goals: >= 50%% and >= 20,000 events/s%n%n",
          100 * ingestMedian / rawMedian);
      System.out.println(sampler.report(14));
      ingest.close();
      vertx.close().await();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The readings ingest would take: one device reading per record, every record distinct. */
  private static ColdChainReading reading(List<String> sites, Instant base, int i) {
    String site = sites.get(i % sites.size());
    return new ColdChainReading(site + "-F1", site, base.minusSeconds(i / sites.size()), 3.0 + (i % 50) / 10.0);
  }

  /** Writes {@code records} envelopes, serialised beforehand, and answers acknowledged records per second. */
  private static double raw(String bootstrap, List<String> sites, Instant base, int records) throws Exception {
    var serde = Topics.COLD_CHAIN.valueSerde().serializer();
    Instant now = Instant.now();
    List<ProducerRecord<byte[], byte[]>> all = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      ColdChainReading r = reading(sites, base, i);
      Envelope<ColdChainReading> envelope = Envelope.of("cold-chain/" + r.deviceId() + "/" + r.at() + "/" + i,
          "/ingest/cold-chain", "org.goldcommand.cold-chain.v1", r.siteCode(), r.at(), now, r);
      all.add(new ProducerRecord<>(Topics.COLD_CHAIN.name(), r.siteCode().getBytes(StandardCharsets.UTF_8),
          serde.serialize(Topics.COLD_CHAIN.name(), envelope)));
    }
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.CLIENT_ID_CONFIG, "bench-raw",
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.partitionsFor(Topics.COLD_CHAIN.name());
      long start = System.nanoTime();
      long acked = send(producer, all);
      return acked / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static long send(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(records.size());
    AtomicLong acked = new AtomicLong();
    for (ProducerRecord<byte[], byte[]> record : records) {
      producer.send(record, (metadata, error) -> {
        if (error == null) {
          acked.incrementAndGet();
        }
        done.countDown();
      });
    }
    done.await();
    return acked.get();
  }

  private static List<byte[]> bodies(List<String> sites, Instant base, int records, int batch) throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < records; i++) {
      body.append(Json.mapper().writeValueAsString(reading(sites, base, i))).append('\n');
      if ((i + 1) % batch == 0 || i == records - 1) {
        bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        body.setLength(0);
      }
    }
    return bodies;
  }

  /** Posts every body with at most {@code connections} in flight; answers accepted records per second. */
  private static double drive(HttpClient http, URI endpoint, List<byte[]> bodies, int connections)
      throws InterruptedException {
    Semaphore slots = new Semaphore(connections);
    CountDownLatch done = new CountDownLatch(bodies.size());
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long start = System.nanoTime();
    for (byte[] body : bodies) {
      slots.acquire();
      HttpRequest request = HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + KEY)
          .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
        if (error == null && response.statusCode() == 202) {
          accepted.addAndGet(count(response.body()));
        } else {
          refused.incrementAndGet();
          if (refused.get() <= 3) {
            System.err.println("Not accepted: " + (error != null ? error : response.statusCode() + " " + response.body()));
          }
        }
        slots.release();
        done.countDown();
      });
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (refused.get() > 0) {
      System.err.printf("%d requests were not accepted%n", refused.get());
    }
    return accepted.get() / seconds;
  }

  private static long count(String answer) {
    try {
      return Json.mapper().readTree(answer).path("accepted").asLong();
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
