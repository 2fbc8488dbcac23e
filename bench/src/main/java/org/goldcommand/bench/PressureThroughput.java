package org.goldcommand.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.ambulance.HandoverEvent;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.reference.synthetic.SyntheticReferenceData;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.events.vaccine.VaccineBookings;
import org.goldcommand.events.vaccine.VaccineStock;
import org.goldcommand.ingest.simulator.Feed;
import org.goldcommand.ingest.simulator.Outbound;
import org.goldcommand.ingest.simulator.Scenario;
import org.goldcommand.ingest.simulator.ScenarioPlan;
import org.goldcommand.streams.StreamsConfigFactory;
import org.goldcommand.streams.StreamsService;
import org.goldcommand.streams.StreamsServiceConfig;
import org.goldcommand.streams.domain.alerts.AlertRules;
import org.goldcommand.streams.domain.scoring.ScoringTables;
import org.goldcommand.testkit.KafkaBroker;

/**
 * The pressure topologies at national scale, exactly-once, on one machine: the national synthetic
 * reference data (about 42 systems, 200 trusts) and the winter-surge scenario's events for every
 * feed, written straight to the feed topics as ingest would key and wrap them, then
 * <ol>
 *   <li><b>throughput</b>: the whole streams application (every topology, {@code exactly_once_v2})
 *       started on a backlog of {@code events} records; events per second = backlog / time until
 *       every input and internal topic is consumed;
 *   <li><b>latency</b>: then {@code rate} events per second for {@code seconds}, each stamped with its
 *       send time in a header (Kafka Streams carries input headers to what it derives); for every
 *       {@code pressure.trust.v1} record a {@code read_committed} consumer sees, the time from the
 *       triggering event's send to its arrival (p50, p99).
 * </ol>
 * Broker, streams and load generator share the machine's cores.
 *
 * <p>Run from the repository root after {@code mvn -B -ntp install -DskipTests}:
 * <pre>
 * mvn -B -ntp -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath
 * java -Xmx6g -cp "bench/target/classes:$(cat bench/target/classpath)" org.goldcommand.bench.PressureThroughput \
 *   [events=1000000] [rate=1000] [seconds=60] [stream threads=1]
 * </pre>
 */
public final class PressureThroughput {

  static final String SENT = "gc-bench-sent-ms";

  private PressureThroughput() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path dir = Files.createTempDirectory("gold-command-bench");
    Path referenceFile = dir.resolve("national.yaml");
    SyntheticReferenceData.write(SyntheticReferenceData.Spec.national(1), referenceFile);
    ReferenceData reference = ReferenceDataLoader.fromFile(referenceFile);
    List<ProducerRecord<byte[], byte[]>> all = scenario(reference, events + rate * seconds);
    List<ProducerRecord<byte[], byte[]>> backlog = all.subList(0, Math.min(events, all.size()));
    List<ProducerRecord<byte[], byte[]>> paced = all.subList(backlog.size(), all.size());
    System.out.printf("scenario: %,d events for the backlog, %,d to pace (%s)%n", backlog.size(), paced.size(),
        mix(backlog));

    try (KafkaBroker broker = KafkaBroker.startPrivate();
        KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
      broker.createTopics(Topics.all());
      Topics.all().forEach(topic -> producer.partitionsFor(topic.name()));
      Thread.sleep(2_000);
      long loading = System.nanoTime();
      for (ProducerRecord<byte[], byte[]> record : backlog) {
        producer.send(record);
      }
      producer.flush();
      System.out.printf("backlog written in %.1f s%n", (System.nanoTime() - loading) / 1e9);
      String applicationId = "bench-pressure-" + UUID.randomUUID();
      StreamsServiceConfig config = new StreamsServiceConfig(broker.bootstrapServers(), applicationId,
          dir.resolve("state"), threads, 1, "127.0.0.1", 0, referenceFile, null, null);
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      Properties props = StreamsConfigFactory.properties(config, metrics);
      try (KafkaStreams streams = new KafkaStreams(StreamsService.topology(reference, ScoringTables.defaultTable(),
          AlertRules.defaultRules(), metrics), props)) {
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
        long start = System.nanoTime();
        streams.start();
        running.await();
        Set<TopicPartition> sources = new HashSet<>();
        backlog.stream().map(ProducerRecord::topic).distinct().forEach(topic -> producer.partitionsFor(topic)
            .forEach(p -> sources.add(new TopicPartition(topic, p.partition()))));
        Lag lag = new Lag(broker.admin(), applicationId, sources);
        double drained = lag.awaitDrained(Duration.ofMinutes(30));
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("throughput (%d stream thread%s): %,d events in %.1f s from start (%.1f s to drain after "
            + "RUNNING): %,.0f events/s%n", threads, threads == 1 ? "" : "s", backlog.size(), elapsed, drained,
            backlog.size() / elapsed);
        streams.metrics().forEach((name, metric) -> {
          if (name.group().equals("stream-thread-metrics") && (name.name().endsWith("-ratio")
              || name.name().endsWith("latency-avg") || name.name().endsWith("-total"))) {
            System.out.printf("  %s = %s%n", name.name(), metric.metricValue());
          }
        });
        latency(broker.bootstrapServers(), producer, paced, rate);
      }
    }
  }

  /** Paces the records at {@code rate} a second and reports the push latency to pressure.trust.v1. */
  private static void latency(String bootstrap, KafkaProducer<byte[], byte[]> producer,
      List<ProducerRecord<byte[], byte[]>> paced, int rate) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> read(bootstrap, latencies), "bench-pressure-reader");
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(2_000);
    long start = System.nanoTime();
    for (int i = 0; i < paced.size(); i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      ProducerRecord<byte[], byte[]> record = paced.get(i);
      record.headers().add(SENT, Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
      producer.send(record);
    }
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    Thread.sleep(5_000);
    reader.interrupt();
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.println("latency: no pressure.trust.v1 record carried a send time");
      return;
    }
    System.out.printf("latency: %,d events at %,.0f events/s; %,d trust pressure changes; event sent to score "
            + "on pressure.trust.v1 (read_committed): p50 %d ms, p99 %d ms, max %d ms%n",
        paced.size(), paced.size() / sendSeconds, sorted.size(), percentile(sorted, 0.50),
        percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
  }

  private static void read(String bootstrap, List<Long> latencies) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.TRUST_PRESSURE.name()));
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          Header sent = record.headers().lastHeader(SENT);
          if (sent != null) {
            latencies.add(System.currentTimeMillis() - Long.parseLong(new String(sent.value(), StandardCharsets.US_ASCII)));
          }
        }
      }
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  /**
   * The national winter-surge day's feed records, oldest first, as ingest would write them: the
   * same keys (site, trust, or incident for handovers) and envelopes. The day starts a day ago, so
   * the paced tail is close to now.
   */
  static List<ProducerRecord<byte[], byte[]>> scenario(ReferenceData reference, int wanted) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Scenario scenario = new Scenario(ScenarioPlan.of(reference, 7, now.minus(Duration.ofHours(24)), false, false,
        null, null));
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(wanted);
    Instant t = now.minus(Duration.ofHours(24));
    long sequence = 0;
    while (records.size() < wanted && t.isBefore(now)) {
      t = t.plus(Duration.ofMinutes(5));
      for (Outbound outbound : scenario.advanceTo(t)) {
        if (outbound instanceof Outbound.FeedRecord record && records.size() < wanted) {
          records.add(record(record, sequence++, now));
        }
      }
    }
    return records;
  }

  private static ProducerRecord<byte[], byte[]> record(Outbound.FeedRecord r, long sequence, Instant receivedAt)
      throws Exception {
    String key = keyOf(r.record());
    String subject = r.feed() == Feed.SITREP || r.feed() == Feed.AMBULANCE_HANDOVER ? r.orgCode() : key;
    Envelope<Object> envelope = Envelope.of(r.feed().feedName() + "/bench/" + sequence, "/ingest/" + r.feed().feedName(),
        "org.goldcommand." + r.feed().feedName() + ".v1", subject, r.at(), receivedAt, r.record());
    return new ProducerRecord<>(r.feed().topic().name(), key.getBytes(StandardCharsets.UTF_8),
        Json.mapper().writeValueAsBytes(envelope));
  }

  /** Ingest's Kafka key: the trust for a sitrep, the incident for a handover, else the site. */
  private static String keyOf(Object record) {
    if (record instanceof Sitrep s) {
      return s.orgCode();
    }
    if (record instanceof HandoverEvent h) {
      return h.incidentId();
    }
    if (record instanceof EdSnapshot s) {
      return s.siteCode();
    }
    if (record instanceof AttendanceEvent a) {
      return a.siteCode();
    }
    if (record instanceof BedState b) {
      return b.siteCode();
    }
    if (record instanceof VaccineStock s) {
      return s.siteCode();
    }
    if (record instanceof VaccineBookings b) {
      return b.siteCode();
    }
    if (record instanceof ColdChainReading c) {
      return c.siteCode();
    }
    throw new IllegalArgumentException("Unexpected record " + record);
  }

  private static String mix(List<ProducerRecord<byte[], byte[]>> records) {
    Map<Feed, Integer> counts = new EnumMap<>(Feed.class);
    for (ProducerRecord<byte[], byte[]> r : records) {
      for (Feed feed : Feed.values()) {
        if (feed.topic().name().equals(r.topic())) {
          counts.merge(feed, 1, Integer::sum);
        }
      }
    }
    return counts.toString();
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 1, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        new ByteArraySerializer(), new ByteArraySerializer());
  }
}
