package org.goldcommand.history;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.goldcommand.events.deadletter.DeadLetter;
import org.goldcommand.events.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies sit-reps ({@code feeds.sitrep.v1}), trust pressure and its parameters
 * ({@code pressure.trust.v1}), system pressure ({@code pressure.system.v1}), every alert step
 * ({@code alerts.v1}) and the audit log ({@code audit.v1}) from Kafka into the history tables, on a
 * thread of its own. Kafka stays the system of record and
 * Streams never writes to the database; this is the one writer, so history can be rebuilt at any
 * time by replaying the topics into an empty database.
 *
 * <p>Effectively once: it reads {@code read_committed}, stores each poll in one transaction with
 * inserts that ignore an event id already held, and commits Kafka offsets only after the database
 * has committed. A crash in between replays the poll, and the replay stores nothing twice. While
 * the database is unreachable it retries the same poll with growing pauses, reading nothing new
 * and committing nothing, so no event is lost. A record it cannot read is logged, counted in
 * {@link #rejected()} and skipped, never allowed to stop the loop; so is a row the database refuses
 * for its content. Both go to {@code feeds.deadletter.v1} with the reason (the event itself stays on
 * its topic), and offsets are committed only once Kafka has the dead letters too.
 */
public final class HistorySink implements AutoCloseable {

  /** The consumer group used when none is given; one group per history database. */
  public static final String DEFAULT_GROUP_ID = "gold-command-history";

  static final Duration FIRST_RETRY = Duration.ofMillis(100);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(HistorySink.class);

  private final Map<String, Object> consumerConfig;
  private final String bootstrapServers;
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private KafkaProducer<String, DeadLetter> deadLetterProducer;
  private final HistoryWriter writer;
  private final HistoryRecords decoder = new HistoryRecords();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean running;
  private volatile boolean closing;
  private KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;

  /** A sink in the default consumer group. */
  public HistorySink(String bootstrapServers, DataSource dataSource) {
    this(bootstrapServers, dataSource, DEFAULT_GROUP_ID);
  }

  /**
   * A sink in the given consumer group. Instances sharing a group share the partitions, so more
   * instances write in parallel; a new group replays the topics from their start.
   */
  public HistorySink(String bootstrapServers, DataSource dataSource, String groupId) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(groupId, "groupId");
    this.writer = new HistoryWriter(Objects.requireNonNull(dataSource, "dataSource"));
    this.bootstrapServers = bootstrapServers;
    this.consumerConfig = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
  }

  /** Subscribes and starts copying on a new thread. A sink starts once. */
  public synchronized void start() {
    if (thread != null || closing) {
      throw new IllegalStateException("A history sink starts once and cannot start after close");
    }
    consumer = new KafkaConsumer<>(consumerConfig);
    deadLetterProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        Topics.DEAD_LETTERS.keySerde().serializer(), Topics.DEAD_LETTERS.valueSerde().serializer());
    consumer.subscribe(HistoryRecords.TOPICS);
    running = true;
    thread = new Thread(this::run, "history-sink-" + consumerConfig.get(ConsumerConfig.GROUP_ID_CONFIG));
    thread.start();
  }

  /** For readiness: true from {@link #start()} until {@link #close()} or a fatal error stops it. */
  public boolean isRunning() {
    return running;
  }

  /** Reports records stored and rejected as {@code gc_history_records_total{outcome}}. */
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("gc.history.records", stored, AtomicLong::get).tag("outcome", "stored").register(registry);
    FunctionCounter.builder("gc.history.records", rejected, AtomicLong::get).tag("outcome", "rejected")
        .register(registry);
  }

  /** Events newly stored since start (events already held are not counted again; a pressure counts once with its parameters). */
  public long stored() {
    return stored.get();
  }

  /** Records skipped since start because they could not be read or the database refused them. */
  public long rejected() {
    return rejected.get();
  }

  /**
   * Stops the loop and waits for it. A poll not yet committed is read again on the next start,
   * and stored once.
   */
  @Override
  public synchronized void close() {
    closing = true;
    if (thread == null) {
      return;
    }
    consumer.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try (KafkaConsumer<byte[], byte[]> c = consumer) {
      while (!closing) {
        ConsumerRecords<byte[], byte[]> polled = c.poll(POLL);
        if (!polled.isEmpty() && store(c, decode(polled)) && sendDeadLetters()) {
          commit(c, polled);
        }
      }
    } catch (WakeupException e) {
      LOG.debug("History sink woken to stop");
    } catch (RuntimeException e) {
      LOG.error("History sink stopped by an unexpected error", e);
    } finally {
      running = false;
      deadLetterProducer.close(Duration.ofSeconds(5));
    }
  }

  /** Sends this poll's dead letters and waits for Kafka; false (and nothing committed) if it cannot. */
  private boolean sendDeadLetters() {
    if (deadLetters.isEmpty()) {
      return true;
    }
    try {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (DeadLetter letter : deadLetters) {
        sent.add(deadLetterProducer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), letter.key(), letter)));
      }
      for (java.util.concurrent.Future<?> ack : sent) {
        ack.get(30, TimeUnit.SECONDS);
      }
      deadLetters.clear();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("Cannot store {} dead letters ({}); the poll will be read again", deadLetters.size(), e.toString());
      deadLetters.clear();
      return false;
    }
  }

  private List<HistoryRow> decode(ConsumerRecords<byte[], byte[]> polled) {
    List<HistoryRow> rows = new ArrayList<>(polled.count());
    for (ConsumerRecord<byte[], byte[]> record : polled) {
      try {
        rows.add(decoder.decode(record.topic(), record.value()));
      } catch (HistoryRecords.UnreadableRecordException e) {
        rejected.incrementAndGet();
        LOG.warn("Skipping unreadable record {}-{}@{}: {}",
            record.topic(), record.partition(), record.offset(), e.getMessage());
        deadLetters.add(new DeadLetter(record.topic(), record.key() == null ? null
            : new String(record.key(), StandardCharsets.UTF_8), e.getMessage(), "history.decode",
            new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8), Instant.now()));
      }
    }
    return rows;
  }

  /** Writes the rows, retrying while the database fails; false only if asked to stop first. */
  private boolean store(KafkaConsumer<byte[], byte[]> c, List<HistoryRow> rows) {
    Duration pause = FIRST_RETRY;
    while (!closing) {
      try {
        HistoryWriter.Result result = writer.write(rows);
        stored.addAndGet(result.stored());
        rejected.addAndGet(result.rejected());
        result.refused().forEach(r -> deadLetters.add(new DeadLetter(r.sourceTopic(), r.eventId(),
            "The history database refused it: " + r.reason(), "history.store",
            "event " + r.eventId() + " (kept on its topic)", Instant.now())));
        c.resume(c.paused());
        return true;
      } catch (SQLException e) {
        LOG.warn("Cannot store {} history rows ({}); retrying in {} ms",
            rows.size(), HistoryWriter.describe(e), pause.toMillis());
        waitWithoutReading(c, pause);
        Duration doubled = pause.multipliedBy(2);
        pause = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
      }
    }
    return false;
  }

  /**
   * Pauses between retries by polling with every partition paused: the consumer stays in its
   * group however long the outage lasts, and {@link #close()} can still wake it. Records from
   * partitions assigned meanwhile are handed back (seek) to be read after the retry succeeds.
   */
  private static void waitWithoutReading(KafkaConsumer<byte[], byte[]> c, Duration pause) {
    c.pause(c.assignment());
    ConsumerRecords<byte[], byte[]> early = c.poll(pause);
    for (TopicPartition partition : early.partitions()) {
      c.seek(partition, early.records(partition).get(0).offset());
      c.pause(List.of(partition));
    }
  }

  /** Commits what was stored, for the partitions this consumer still owns. */
  private static void commit(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> polled) {
    Set<TopicPartition> owned = c.assignment();
    Map<TopicPartition, OffsetAndMetadata> done = polled.nextOffsets().entrySet().stream()
        .filter(e -> owned.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    try {
      c.commitSync(done);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The rows are stored; whoever owns these partitions now may read them again and store nothing twice.
      LOG.info("Offsets not committed after a rebalance ({}); those records will be read again", e.getMessage());
    }
  }
}
