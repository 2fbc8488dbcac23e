package org.goldcommand.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.ambulance.HandoverEvent;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.handover.Handover;
import org.goldcommand.streams.domain.handover.HandoverStats;

/**
 * Ambulance handover events to each trust's handover figures: ARRIVED and HANDED_OVER are matched
 * per incident (in whichever order they come), each completed handover is moved to its trust, and
 * the trust's mean handover time over the last hour and share over 60 minutes today are computed by
 * event time, so late and out-of-order events count where they belong. A handover at a site the
 * reference data does not know is dropped and counted, as ED events are ({@link EdFiguresTopology}).
 */
public final class HandoverFiguresTopology {

  public static final String INCIDENTS_STORE = "handover-incidents";
  public static final String TRUST_HANDOVERS_STORE = "trust-handovers";
  public static final ZoneId LOCAL = ZoneId.of("Europe/London");
  /** How long an incident's steps are kept for matching. */
  public static final Duration FORGET_AFTER = Duration.ofDays(2);

  private static final JsonSerde<Pending> PENDING = JsonSerde.of(Pending.class);
  private static final JsonSerde<Handover> HANDOVER = JsonSerde.of(Handover.class);
  private static final JsonSerde<Handovers> HANDOVERS = JsonSerde.of(Handovers.class);

  private final ReferenceData reference;
  private final MeterRegistry metrics;

  public HandoverFiguresTopology(ReferenceData reference, MeterRegistry metrics) {
    this.reference = reference;
    this.metrics = metrics;
  }

  /** An incident's steps so far; {@code done} once its handover has been counted. */
  record Pending(String siteCode, Instant arrivedAt, Instant handedOverAt, boolean done) {}

  /** A trust's handovers that can still count today or in the last hour. */
  record Handovers(List<Handover> handovers) {}

  /** Adds the handover part of the topology; returns each trust's new figures. */
  public KStream<String, TrustUpdate> build(StreamsBuilder builder) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENTS_STORE),
        Serdes.String(), PENDING));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRUST_HANDOVERS_STORE),
        Serdes.String(), HANDOVERS));
    return builder
        .stream(Topics.AMBULANCE_HANDOVERS.name(), Consumed.with(Topics.AMBULANCE_HANDOVERS.keySerde(),
            Topics.AMBULANCE_HANDOVERS.valueSerde()).withName("handover-events"))
        .processValues(MatchIncident::new, Named.as("match-incident"), INCIDENTS_STORE)
        .selectKey((incident, handover) -> reference.ownerOfSite(handover.siteCode()).map(Organisation::code)
            .orElse(""), Named.as("handover-trust"))
        .filter((org, handover) -> known(org), Named.as("handover-known-site"))
        .repartition(Repartitioned.with(Serdes.String(), HANDOVER).withName("handovers-by-trust"))
        .processValues(TrustFigures::new, Named.as("trust-handover-figures"), TRUST_HANDOVERS_STORE);
  }

  private boolean known(String org) {
    if (org.isEmpty()) {
      metrics.counter(EdFiguresTopology.UNKNOWN_SITE_METRIC, "feed", "ambulance-handover").increment();
      return false;
    }
    return true;
  }

  /**
   * Matches ARRIVED with HANDED_OVER per incident and forwards each completed handover once.
   * Incidents are forgotten {@link #FORGET_AFTER} after they began (by stream time), so the store
   * holds only what a late or re-sent step could still concern.
   */
  private static final class MatchIncident implements FixedKeyProcessor<String, Envelope<HandoverEvent>, Handover> {
    private FixedKeyProcessorContext<String, Handover> context;
    private KeyValueStore<String, Pending> incidents;

    @Override
    public void init(FixedKeyProcessorContext<String, Handover> context) {
      this.context = context;
      this.incidents = context.getStateStore(INCIDENTS_STORE);
      context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetOld);
    }

    private void forgetOld(long streamTime) {
      Instant cutoff = Instant.ofEpochMilli(streamTime).minus(FORGET_AFTER);
      List<String> old = new ArrayList<>();
      try (KeyValueIterator<String, Pending> all = incidents.all()) {
        all.forEachRemaining(entry -> {
          Instant began = entry.value.arrivedAt() != null ? entry.value.arrivedAt() : entry.value.handedOverAt();
          if (began == null || began.isBefore(cutoff)) {
            old.add(entry.key);
          }
        });
      }
      old.forEach(incidents::delete);
    }

    @Override
    public void process(FixedKeyRecord<String, Envelope<HandoverEvent>> record) {
      HandoverEvent event = record.value() == null ? null : record.value().data();
      if (event == null) {
        return;
      }
      Pending pending = incidents.get(record.key());
      if (pending == null) {
        pending = new Pending(event.siteCode(), null, null, false);
      }
      if (pending.done()) {
        return;
      }
      pending = switch (event.event()) {
        case ARRIVED -> new Pending(event.siteCode(), event.at(), pending.handedOverAt(), false);
        case HANDED_OVER -> new Pending(event.siteCode(), pending.arrivedAt(), event.at(), false);
        case CLEARED -> pending;
      };
      if (pending.arrivedAt() != null && pending.handedOverAt() != null) {
        incidents.put(record.key(), new Pending(pending.siteCode(), pending.arrivedAt(), pending.handedOverAt(), true));
        context.forward(record.withValue(new Handover(record.key(), pending.siteCode(), pending.arrivedAt(),
            pending.handedOverAt())));
      } else {
        incidents.put(record.key(), pending);
      }
    }
  }

  /** Keeps a trust's recent handovers and computes its figures at the newest handover's time. */
  private static final class TrustFigures implements FixedKeyProcessor<String, Handover, TrustUpdate> {
    private FixedKeyProcessorContext<String, TrustUpdate> context;
    private KeyValueStore<String, Handovers> trusts;

    @Override
    public void init(FixedKeyProcessorContext<String, TrustUpdate> context) {
      this.context = context;
      this.trusts = context.getStateStore(TRUST_HANDOVERS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Handover> record) {
      Handovers stored = trusts.get(record.key());
      List<Handover> handovers = new ArrayList<>(stored == null ? List.of() : stored.handovers());
      handovers.add(record.value());
      Instant now = handovers.stream().map(Handover::handedOverAt).max(Instant::compareTo).orElseThrow();
      handovers.removeIf(h -> !HandoverStats.stillCounts(h, now, LOCAL));
      trusts.put(record.key(), new Handovers(handovers));
      HandoverStats.Figures figures = HandoverStats.at(handovers, now, LOCAL);
      List<Measure> measures = new ArrayList<>();
      if (figures.meanMinutesLastHour() != null) {
        measures.add(new Measure("handoverMeanMinutes", "Mean ambulance handover (last 60 min)",
            figures.meanMinutesLastHour(), "minutes", now));
      }
      if (figures.over60PctToday() != null) {
        measures.add(new Measure("handoversOver60Pct", "Handovers over 60 min today", figures.over60PctToday(), "%",
            now));
      }
      context.forward(record.withValue(new TrustUpdate(record.key(), measures, now,
          "handovers/" + record.key() + "/" + record.value().incidentId(), now)));
    }
  }
}
