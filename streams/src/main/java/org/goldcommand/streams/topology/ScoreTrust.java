package org.goldcommand.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.streams.domain.scoring.MeasureScoring;
import org.goldcommand.streams.domain.scoring.Score;

/**
 * Keeps each trust's latest figure of every kind, whatever source brought it, and re-scores the
 * trust whenever any of them changes: a sitrep moves the bed figures, a handover the handover
 * figures, and the published pressure always rests on everything known.
 */
final class ScoreTrust implements FixedKeyProcessor<String, TrustUpdate, Envelope<TrustPressure>> {

  static final String STORE = "trust-measures";

  private static final JsonSerde<Latest> LATEST = JsonSerde.of(Latest.class);

  private final ReferenceData reference;
  private final MeasureScoring scoring;
  private FixedKeyProcessorContext<String, Envelope<TrustPressure>> context;
  private KeyValueStore<String, Latest> latest;

  ScoreTrust(ReferenceData reference, MeasureScoring scoring) {
    this.reference = reference;
    this.scoring = scoring;
  }

  /** A trust's latest figures, by name. */
  record Latest(List<Measure> measures) {}

  static StoreBuilder<KeyValueStore<String, Latest>> store() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), LATEST);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Envelope<TrustPressure>> context) {
    this.context = context;
    this.latest = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, TrustUpdate> record) {
    TrustUpdate update = record.value();
    Organisation org = reference.organisation(update.orgCode()).orElseThrow();
    Map<String, Measure> byName = new LinkedHashMap<>();
    Latest stored = latest.get(update.orgCode());
    if (stored != null) {
      stored.measures().forEach(m -> byName.put(m.name(), plain(m)));
    }
    update.measures().forEach(m -> byName.put(m.name(), m));
    List<Measure> measures = new ArrayList<>(byName.values());
    latest.put(update.orgCode(), new Latest(measures));
    // The trust's picture is as new as its newest figure, and older figures are judged stale against
    // that, so a late or back-dated update (a handover replayed from hours ago) never turns the clock back.
    Instant newest = measures.stream().map(Measure::asAt).max(Instant::compareTo).orElse(update.asAt());
    Instant now = newest.isAfter(update.receivedAt()) ? newest : update.receivedAt();
    MeasureScoring.Scored scored = scoring.score(measures, now);
    Score score = scored.score();
    TrustPressure pressure = new TrustPressure(org.code(), org.shortName(), org.systemCode(), newest,
        scored.measures(), score.score(), score.level(), score.tableVersion(), score.completeness());
    context.forward(record.withValue(Envelope.of("pressure.trust/" + update.eventId(), TrustOccupancyTopology.SOURCE,
        TrustOccupancyTopology.EVENT_TYPE, org.code(), newest, update.receivedAt(), pressure)));
  }

  private static Measure plain(Measure m) {
    return new Measure(m.name(), m.label(), m.value(), m.unit(), m.asAt());
  }
}
