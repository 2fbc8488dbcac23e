package org.goldcommand.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.beds.WardBeds;
import org.goldcommand.streams.support.RememberedStore;

/**
 * Ward bed states to each trust's bed figures: the latest state of every ward of the trust, summed
 * ({@link WardBeds}), as the same measures a sitrep gives, so the newer of the two feeds is what the
 * wall shows. An older or repeated ward state changes nothing and publishes nothing. A state for a
 * site the reference data does not know is dropped and counted
 * ({@value EdFiguresTopology#UNKNOWN_SITE_METRIC}, feed {@code bed-state}): ingest has already
 * checked the site against its organisation, so it means reference data changed since.
 */
public final class BedFiguresTopology {

  /** Each trust's wards' latest states. */
  public static final String TRUST_WARDS_STORE = "bed-trust-wards";

  private static final JsonSerde<Wards> WARDS = JsonSerde.of(Wards.class);

  private final ReferenceData reference;
  private final MeterRegistry metrics;

  public BedFiguresTopology(ReferenceData reference, MeterRegistry metrics) {
    this.reference = reference;
    this.metrics = metrics;
  }

  /** A trust's wards' latest states, keyed {@code <site>/<ward>}. */
  record Wards(Map<String, BedState> wards) {}

  /** Adds the bed-state part of the topology; returns each trust's new figures. */
  public KStream<String, TrustUpdate> build(StreamsBuilder builder) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRUST_WARDS_STORE),
        Serdes.String(), WARDS));
    return builder
        .stream(Topics.BED_STATES.name(), Consumed.with(Topics.BED_STATES.keySerde(), Topics.BED_STATES.valueSerde())
            .withName("bed-states"))
        .filter((site, e) -> e != null && e.data() != null && e.data().bedType() != null && e.data().asAt() != null,
            Named.as("bed-state-present"))
        .selectKey((site, e) -> reference.ownerOfSite(e.data().siteCode()).map(Organisation::code).orElse(""),
            Named.as("bed-state-trust"))
        .filter((org, e) -> known(org), Named.as("bed-state-known-site"))
        .repartition(Repartitioned.with(Serdes.String(), Topics.BED_STATES.valueSerde())
            .withName("bed-states-by-trust"))
        .processValues(TrustBeds::new, Named.as("trust-bed-figures"), TRUST_WARDS_STORE);
  }

  private boolean known(String org) {
    if (org.isEmpty()) {
      metrics.counter(EdFiguresTopology.UNKNOWN_SITE_METRIC, "feed", "bed-state").increment();
      return false;
    }
    return true;
  }

  /** Keeps a trust's wards' latest states and forwards the summed figures when one changes. */
  private static final class TrustBeds implements FixedKeyProcessor<String, Envelope<BedState>, TrustUpdate> {
    private FixedKeyProcessorContext<String, TrustUpdate> context;
    private RememberedStore<String, Wards> trusts;

    @Override
    public void init(FixedKeyProcessorContext<String, TrustUpdate> context) {
      this.context = context;
      this.trusts = RememberedStore.of(context.getStateStore(TRUST_WARDS_STORE));
    }

    @Override
    public void process(FixedKeyRecord<String, Envelope<BedState>> record) {
      Envelope<BedState> state = record.value();
      Wards stored = trusts.get(record.key());
      Map<String, BedState> wards = WardBeds.with(stored == null ? Map.of() : stored.wards(), state.data());
      if (wards == null) {
        return;
      }
      trusts.put(record.key(), new Wards(wards));
      List<Measure> measures = WardBeds.measures(wards.values());
      Instant asAt = measures.stream().map(Measure::asAt).max(Instant::compareTo).orElse(state.data().asAt());
      context.forward(record.withValue(new TrustUpdate(record.key(), measures, asAt, "beds/" + state.id(),
          state.receivedAt())));
    }
  }
}
