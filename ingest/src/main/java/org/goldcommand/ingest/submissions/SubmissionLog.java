package org.goldcommand.ingest.submissions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.status.Rejection;
import org.goldcommand.events.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last 14 days of each organisation's sitrep submissions, accepted and refused, read back from
 * Kafka (the system of record) so the submission form can show a trust what Gold Command holds and
 * let it correct a return. Kept in memory: sitreps are daily, so even a national deployment holds a
 * few thousand. Rebuilt from the topics on every start.
 */
public final class SubmissionLog implements AutoCloseable {

  /** How far back submissions are kept and shown. */
  public static final Duration WINDOW = Duration.ofDays(14);

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionLog.class);

  /** An accepted return. */
  public record Accepted(String submissionId, Instant receivedAt, Sitrep sitrep) {}

  /** A refused submission. */
  public record Refused(Instant at, String status, String reason) {}

  /** One organisation's recent submissions, newest first, with which returns later ones corrected. */
  public record Recent(List<Accepted> accepted, Map<String, String> supersededBy, List<Refused> refused) {}

  private final Map<String, Map<String, Accepted>> accepted = new ConcurrentHashMap<>();
  private final Map<String, List<Refused>> refused = new ConcurrentHashMap<>();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private final Thread thread;

  public SubmissionLog(String bootstrapServers, Clock clock) {
    this.clock = clock;
    this.consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", bootstrapServers,
        "group.id", "ingest-submission-log-" + UUID.randomUUID(),
        "enable.auto.commit", false,
        "isolation.level", "read_committed",
        "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "submission-log");
    thread.setDaemon(true);
  }

  /** Starts reading. */
  public void start() {
    thread.start();
  }

  /** Whether everything in the window at start-up has been read. */
  public boolean caughtUp() {
    return caughtUp.get();
  }

  /** The recent submissions of the given organisations. */
  public Recent recent(Set<String> orgCodes) {
    Instant since = clock.instant().minus(WINDOW);
    List<Accepted> returns = new ArrayList<>();
    List<Refused> refusals = new ArrayList<>();
    for (String org : orgCodes) {
      returns.addAll(accepted.getOrDefault(org, Map.of()).values());
      refusals.addAll(refused.getOrDefault(org, List.of()));
    }
    returns.removeIf(a -> a.receivedAt().isBefore(since));
    refusals.removeIf(r -> r.at().isBefore(since));
    returns.sort(Comparator.comparing(Accepted::receivedAt).reversed());
    refusals.sort(Comparator.comparing(Refused::at).reversed());
    Map<String, String> supersededBy = new HashMap<>();
    returns.forEach(a -> {
      if (a.sitrep().supersedes() != null) {
        supersededBy.put(a.sitrep().supersedes(), a.submissionId());
      }
    });
    return new Recent(returns, supersededBy, refusals);
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.SITREPS.name(), Topics.REJECTIONS.name())) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      long since = clock.instant().minus(WINDOW).toEpochMilli();
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(p -> query.put(p, since));
      Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      for (TopicPartition p : partitions) {
        OffsetAndTimestamp start = starts.get(p);
        consumer.seek(p, start == null ? end.get(p) : start.offset());
      }
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          take(record);
        }
        if (!caughtUp.get() && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
          caughtUp.set(true);
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  private void take(ConsumerRecord<byte[], byte[]> record) {
    try {
      if (record.topic().equals(Topics.SITREPS.name())) {
        Envelope<Sitrep> envelope = Topics.SITREPS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        Sitrep sitrep = envelope.data();
        accepted.computeIfAbsent(sitrep.orgCode(), k -> new ConcurrentHashMap<>())
            .put(sitrep.submissionId(), new Accepted(sitrep.submissionId(), envelope.receivedAt(), sitrep));
      } else {
        Rejection rejection = Topics.REJECTIONS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if ("sitrep".equals(rejection.feed())) {
          refused.computeIfAbsent(rejection.orgCode(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
              .add(new Refused(rejection.at(), rejection.status(), rejection.reason()));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Skipping unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
