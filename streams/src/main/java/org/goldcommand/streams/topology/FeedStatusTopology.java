package org.goldcommand.streams.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.feeds.FeedActivity;
import org.goldcommand.streams.domain.feeds.FeedStatusRules;

/**
 * Feed status for the wall: for every organisation and feed, when data last arrived, for when,
 * and how much was accepted and refused today, from every input topic and the refusals ingest
 * records. A silent or failing feed is then a fact on the wall, not a gap nobody notices.
 *
 * <p>Every input record counts, and the inputs are keyed by site, not by the organisation and feed
 * the status is kept under, so the counts must cross a repartition. Sending one record across per
 * input doubled the application's traffic; instead each task combines what it saw into one batch
 * per organisation, feed and day ({@link FeedStatusRules#apply}) and sends the batches on every
 * {@link #FLUSH_EVERY} of wall-clock time, where they are merged in ({@link FeedStatusRules#merge}).
 * The batches live in a changelogged store, so exactly-once holds across a crash.
 */
public final class FeedStatusTopology {

  public static final String STORE = "feed-status-store";
  /** Each task's activity since its last flush, per organisation, feed and UTC day. */
  public static final String BATCH_STORE = "feed-status-batches";
  /** How often, by the wall clock, each task sends on what its feeds did. */
  public static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

  private final ReferenceData reference;

  public FeedStatusTopology(ReferenceData reference) {
    this.reference = reference;
  }

  /** The input topics whose accepted records count towards feed status. */
  static List<Topic<String, ? extends Envelope<?>>> inputs() {
    return List.of(Topics.SITREPS, Topics.ED_SNAPSHOTS, Topics.ED_ATTENDANCES, Topics.AMBULANCE_HANDOVERS,
        Topics.BED_EVENTS, Topics.BED_STATES, Topics.VACCINE_STOCK, Topics.VACCINE_BOOKINGS, Topics.COLD_CHAIN);
  }

  /** Adds this topology to the builder. */
  public void build(StreamsBuilder builder) {
    KStream<String, FeedActivity> activity = builder
        .stream(Topics.REJECTIONS.name(), Consumed.with(Topics.REJECTIONS.keySerde(), Topics.REJECTIONS.valueSerde())
            .withName("feed-status-rejections"))
        .mapValues(r -> FeedActivity.refused(r.orgCode(), systemOf(r.orgCode()), r.feed(), r.at(),
            r.status() + " " + r.reason()),
            Named.as("feed-status-refused"));
    for (Topic<String, ? extends Envelope<?>> input : inputs()) {
      activity = activity.merge(accepted(builder, input), Named.as("feed-status-merge-" + input.name()));
    }
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BATCH_STORE), Serdes.String(),
        Topics.FEED_STATUS.valueSerde()));
    activity
        .process(BatchActivity::new, Named.as("feed-status-batch"), BATCH_STORE)
        .groupByKey(Grouped.with("feed-status-batches-by-feed", Serdes.String(), Topics.FEED_STATUS.valueSerde()))
        .aggregate(() -> null, (key, batch, status) -> FeedStatusRules.merge(status, batch), Named.as("feed-status"),
            Materialized.<String, FeedStatus, KeyValueStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String()).withValueSerde(Topics.FEED_STATUS.valueSerde()))
        .toStream(Named.as("feed-status-changes"))
        .to(Topics.FEED_STATUS.name(), Produced.with(Topics.FEED_STATUS.keySerde(), Topics.FEED_STATUS.valueSerde())
            .withName("feed-status-out"));
  }

  private <V extends Envelope<?>> KStream<String, FeedActivity> accepted(StreamsBuilder builder, Topic<String, V> input) {
    return builder
        .stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()).withName("feed-status-" + input.name()))
        .flatMapValues(envelope -> owner(envelope).map(org -> List.of(FeedActivity.accepted(org.code(),
            org.systemCode(), feedName(envelope), envelope.receivedAt(), envelope.time()))).orElse(List.of()),
            Named.as("feed-status-accepted-" + input.name()));
  }

  private String systemOf(String orgCode) {
    return reference.organisation(orgCode).map(Organisation::systemCode).orElse(null);
  }

  private Optional<Organisation> owner(Envelope<?> envelope) {
    String subject = envelope.subject();
    return reference.organisation(subject).or(() -> reference.ownerOfSite(subject));
  }

  /** The feed's name from the event type ingest stamps, {@code org.goldcommand.<feed>.v<N>}. */
  static String feedName(Envelope<?> envelope) {
    String type = envelope.type();
    String name = type.startsWith("org.goldcommand.") ? type.substring("org.goldcommand.".length()) : type;
    int version = name.lastIndexOf(".v");
    return version < 0 ? name : name.substring(0, version);
  }

  /** Combines a task's feed activity per organisation, feed and day, and sends the batches on. */
  private static final class BatchActivity implements Processor<String, FeedActivity, String, FeedStatus> {
    private ProcessorContext<String, FeedStatus> context;
    private KeyValueStore<String, FeedStatus> batches;

    @Override
    public void init(ProcessorContext<String, FeedStatus> context) {
      this.context = context;
      this.batches = context.getStateStore(BATCH_STORE);
      context.schedule(FLUSH_EVERY, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, FeedActivity> record) {
      FeedActivity a = record.value();
      if (a == null || a.at() == null) {
        return;
      }
      String key = a.statusKey() + "|" + LocalDate.ofInstant(a.at(), ZoneOffset.UTC);
      batches.put(key, FeedStatusRules.apply(batches.get(key), a));
    }

    private void flush(long wallClockMs) {
      List<KeyValue<String, FeedStatus>> due = new ArrayList<>();
      try (KeyValueIterator<String, FeedStatus> all = batches.all()) {
        all.forEachRemaining(due::add);
      }
      for (KeyValue<String, FeedStatus> batch : due) {
        context.forward(new Record<>(batch.key.substring(0, batch.key.lastIndexOf('|')), batch.value, wallClockMs));
        batches.delete(batch.key);
      }
    }
  }
}
