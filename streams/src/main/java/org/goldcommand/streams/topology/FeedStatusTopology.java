package org.goldcommand.streams.topology;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.feeds.FeedActivity;
import org.goldcommand.streams.domain.feeds.FeedStatusRules;

/**
 * Feed status for the wall: for every organisation and feed, when data last arrived, for when,
 * and how much was accepted and refused today, from every input topic and the refusals ingest
 * records. A silent or failing feed is then a fact on the wall, not a gap nobody notices.
 */
public final class FeedStatusTopology {

  public static final String STORE = "feed-status-store";

  private static final JsonSerde<FeedActivity> ACTIVITY = JsonSerde.of(FeedActivity.class);

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
    activity
        .selectKey((key, a) -> a.statusKey(), Named.as("feed-status-key"))
        .groupByKey(Grouped.with("feed-status-by-feed", Serdes.String(), ACTIVITY))
        .aggregate(() -> null, (key, a, status) -> FeedStatusRules.apply(status, a), Named.as("feed-status"),
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
}
