package org.goldcommand.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.streams.domain.occupancy.NewestFigures;
import org.goldcommand.streams.domain.scoring.Driver;
import org.goldcommand.streams.domain.scoring.MeasureScoring;
import org.goldcommand.streams.domain.scoring.Score;
import org.goldcommand.streams.support.RememberedStore;

/**
 * Keeps each trust's latest figure of every kind, whatever feed brought it (a sitrep and a ward bed
 * state both give G&amp;A occupancy: the newer figure wins, an older one never replaces it), and
 * re-scores the trust whenever one of them changes.
 *
 * <p>A feed that stops sends nothing, so waiting for input would never show it stale. Every
 * {@link #RESCORE_EVERY} of wall-clock time each trust is re-scored at the later of its newest
 * figure and the clock, and a new pressure is published only when that changes the score, the
 * level, the completeness or which parameters are stale, with the id
 * {@code pressure.trust/<org>/stale@<epoch ms>}. A trust that has left the reference data is no
 * longer re-scored.
 */
final class ScoreTrust implements Processor<String, TrustUpdate, String, Envelope<TrustPressure>> {

  static final String STORE = "trust-measures";
  /** How often, by the wall clock, every trust's staleness is judged again. */
  static final Duration RESCORE_EVERY = Duration.ofMinutes(1);

  private static final JsonSerde<Latest> LATEST = JsonSerde.of(Latest.class);

  private final ReferenceData reference;
  private final MeasureScoring scoring;
  private ProcessorContext<String, Envelope<TrustPressure>> context;
  private KeyValueStore<String, Latest> store;
  private RememberedStore<String, Latest> latest;

  ScoreTrust(ReferenceData reference, MeasureScoring scoring) {
    this.reference = reference;
    this.scoring = scoring;
  }

  /** A trust's latest figures, by name, and what its last published pressure said. */
  record Latest(List<Measure> measures, Verdict published) {}

  /** The parts of a score whose change is worth publishing. */
  record Verdict(Double score, Integer level, Double completeness, List<String> stale) {

    static Verdict of(Score score) {
      return new Verdict(score.score(), score.level(), score.completeness(), score.drivers().stream()
          .filter(d -> d.status() == Driver.Status.STALE).map(Driver::name).sorted().toList());
    }
  }

  static StoreBuilder<KeyValueStore<String, Latest>> store() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), LATEST);
  }

  @Override
  public void init(ProcessorContext<String, Envelope<TrustPressure>> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    this.latest = RememberedStore.of(store);
    context.schedule(RESCORE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::rescore);
  }

  @Override
  public void process(Record<String, TrustUpdate> record) {
    TrustUpdate update = record.value();
    Latest stored = latest.get(update.orgCode());
    List<Measure> measures = NewestFigures.merge(stored == null ? List.of() : stored.measures(), update.measures());
    if (measures == null) {
      return;
    }
    // The trust's picture is as new as its newest figure, and older figures are judged stale against
    // that, so a late or back-dated update (a handover replayed from hours ago) never turns the clock back.
    Instant newest = newest(measures);
    Instant now = newest.isAfter(update.receivedAt()) ? newest : update.receivedAt();
    Published published = publishable(update.orgCode(), measures, now, "pressure.trust/" + update.eventId(),
        update.receivedAt());
    latest.put(update.orgCode(), new Latest(measures, published.verdict()));
    context.forward(record.withKey(update.orgCode()).withValue(published.pressure()));
  }

  private void rescore(long wallClockMs) {
    Instant clock = Instant.ofEpochMilli(wallClockMs);
    List<KeyValue<String, Latest>> trusts = new ArrayList<>();
    try (KeyValueIterator<String, Latest> all = store.all()) {
      all.forEachRemaining(trusts::add);
    }
    for (KeyValue<String, Latest> trust : trusts) {
      if (reference.organisation(trust.key).isEmpty()) {
        continue;
      }
      List<Measure> measures = trust.value.measures();
      Instant newest = newest(measures);
      Instant now = newest.isAfter(clock) ? newest : clock;
      Published published = publishable(trust.key, measures, now,
          "pressure.trust/" + trust.key + "/stale@" + now.toEpochMilli(), now);
      if (!published.verdict().equals(trust.value.published())) {
        latest.put(trust.key, new Latest(measures, published.verdict()));
        context.forward(new Record<>(trust.key, published.pressure(), wallClockMs));
      }
    }
  }

  /** A pressure ready to publish, and its verdict to remember. */
  private record Published(Envelope<TrustPressure> pressure, Verdict verdict) {}

  private Published publishable(String orgCode, List<Measure> measures, Instant now, String id,
      Instant receivedAt) {
    Organisation org = reference.organisation(orgCode).orElseThrow();
    Instant newest = newest(measures);
    MeasureScoring.Scored scored = scoring.score(measures, now);
    Score score = scored.score();
    TrustPressure pressure = new TrustPressure(org.code(), org.shortName(), org.systemCode(), newest,
        scored.measures(), score.score(), score.level(), score.tableVersion(), score.completeness());
    return new Published(Envelope.of(id, TrustOccupancyTopology.SOURCE, TrustOccupancyTopology.EVENT_TYPE,
        org.code(), newest, receivedAt, pressure), Verdict.of(score));
  }

  private static Instant newest(List<Measure> measures) {
    return measures.stream().map(Measure::asAt).max(Instant::compareTo).orElseThrow();
  }
}
