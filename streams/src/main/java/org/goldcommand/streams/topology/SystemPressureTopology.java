package org.goldcommand.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.scoring.ScoringTable;
import org.goldcommand.streams.domain.scoring.SystemScoring;
import org.goldcommand.streams.domain.scoring.SystemTrend;
import org.goldcommand.streams.support.RememberedStore;

/**
 * Trust pressure to system pressure: whenever a trust's score changes, its system is re-scored as
 * the bed-weighted mean of its trusts' latest scores (a trust whose figures have all gone stale has
 * none, and leaves the mean until it has), with the highest trust level beside it and
 * the trend (change over 2 and 4 hours, rising fast), and published on {@code pressure.system.v1}.
 */
public final class SystemPressureTopology {

  public static final String STORE = "system-trusts";
  public static final String SOURCE = "/streams/system-pressure";
  public static final String EVENT_TYPE = "org.goldcommand.pressure.system.v1";

  private static final JsonSerde<Parts> PARTS = JsonSerde.of(Parts.class);

  private final ReferenceData reference;
  private final ScoringTable table;

  public SystemPressureTopology(ReferenceData reference, ScoringTable table) {
    this.reference = reference;
    this.table = table;
  }

  /** A system's trusts' latest scores, and its own recent scores for the trend. */
  record Parts(List<SystemPressure.TrustPart> trusts, Instant asAt, List<SystemTrend.Point> history) {

    Parts {
      history = history == null ? List.of() : List.copyOf(history);
    }
  }

  /** Adds this topology to the builder. */
  public void build(StreamsBuilder builder) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), PARTS));
    builder
        .stream(Topics.TRUST_PRESSURE.name(), Consumed.with(Topics.TRUST_PRESSURE.keySerde(),
            Topics.TRUST_PRESSURE.valueSerde()).withName("system-trust-pressure"))
        .filter((org, p) -> p != null && p.data() != null && p.data().systemCode() != null,
            Named.as("placed-trusts"))
        .selectKey((org, p) -> p.data().systemCode(), Named.as("trust-system"))
        .repartition(Repartitioned.with(Topics.TRUST_PRESSURE.keySerde(), Topics.TRUST_PRESSURE.valueSerde())
            .withName("trust-pressure-by-system"))
        .processValues(ScoreSystem::new, Named.as("score-system"), STORE)
        .to(Topics.SYSTEM_PRESSURE.name(), Produced.with(Topics.SYSTEM_PRESSURE.keySerde(),
            Topics.SYSTEM_PRESSURE.valueSerde()).withName("system-pressure"));
  }

  /** Keeps each system's trusts' latest scores and re-scores the system on every change. */
  private final class ScoreSystem
      implements FixedKeyProcessor<String, Envelope<TrustPressure>, Envelope<SystemPressure>> {
    private FixedKeyProcessorContext<String, Envelope<SystemPressure>> context;
    private RememberedStore<String, Parts> systems;

    @Override
    public void init(FixedKeyProcessorContext<String, Envelope<SystemPressure>> context) {
      this.context = context;
      this.systems = RememberedStore.of(context.getStateStore(STORE));
    }

    @Override
    public void process(FixedKeyRecord<String, Envelope<TrustPressure>> record) {
      TrustPressure trust = record.value().data();
      int beds = reference.organisation(trust.orgCode()).map(Organisation::gaCoreBeds).orElse(0);
      Parts stored = systems.get(record.key());
      List<SystemPressure.TrustPart> parts = new ArrayList<>(stored == null ? List.of() : stored.trusts());
      parts.removeIf(p -> p.orgCode().equals(trust.orgCode()));
      if (trust.score() != null && trust.opelLevel() != null) {
        // A trust with no fresh figures has no score: it leaves the system's mean rather than
        // counting with the last score it had.
        parts.add(new SystemPressure.TrustPart(trust.orgCode(), trust.score(), trust.opelLevel(), beds));
      }
      parts.sort(Comparator.comparing(SystemPressure.TrustPart::orgCode));
      Instant asAt = stored == null || trust.asAt().isAfter(stored.asAt()) ? trust.asAt() : stored.asAt();
      Double score = SystemScoring.weightedScore(parts);
      List<SystemTrend.Point> history = stored == null ? List.of() : stored.history();
      SystemPressure.Trend trend = null;
      if (score != null) {
        trend = SystemTrend.of(history, asAt, score, table.trend() == null ? null : table.trend().risingFastPoints());
        history = SystemTrend.retain(history, new SystemTrend.Point(asAt, score), asAt);
      }
      systems.put(record.key(), new Parts(parts, asAt, history));
      SystemPressure system = new SystemPressure(record.key(), asAt, score,
          score == null ? null : table.levels().of(score), SystemScoring.highestLevel(parts), parts,
          trust.tableVersion(), trend);
      context.forward(record.withValue(Envelope.of("pressure.system/" + record.value().id(), SOURCE, EVENT_TYPE,
          record.key(), asAt, record.value().receivedAt(), system)));
    }
  }
}
