package org.goldcommand.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.deadletter.DeadLetter;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.occupancy.SitrepMeasures;
import org.goldcommand.streams.domain.scoring.MeasureScoring;
import org.goldcommand.streams.domain.scoring.OpelScorer;
import org.goldcommand.streams.domain.scoring.ScoringTable;
import org.goldcommand.streams.support.DeduplicateById;
import org.goldcommand.streams.support.NewestOnly;

/**
 * Trust pressure: each new whole-trust sitrep (re-sent copies dropped, back-dated ones ignored),
 * each completed ambulance handover ({@link HandoverFiguresTopology}), each change in a trust's ED
 * figures ({@link EdFiguresTopology}) and ward bed states ({@link BedFiguresTopology}) updates the
 * trust's figures, which are scored against the scoring table (over the parameters with fresh
 * data; the score says how complete it is, and {@link ScoreTrust} re-judges staleness by the clock)
 * and published on {@code pressure.trust.v1}, named and placed in its system from reference data. A sitrep for an organisation the reference data does not
 * know, or with no bed figures, goes to the dead-letter topic rather than producing a tile nobody
 * can place. A single site's return is history, not the trust's picture, so it is not used here.
 */
public final class TrustOccupancyTopology {

  /** Remembers sitrep ids long enough to cover the 14 days a trust may correct. */
  public static final String SEEN_SITREPS_STORE = "sitrep-seen-ids";
  /** The newest whole-trust sitrep time per trust. */
  public static final String NEWEST_SITREP_STORE = "sitrep-newest-per-trust";
  public static final Duration DEDUPE_RETENTION = Duration.ofDays(15);
  public static final String SOURCE = "/streams/trust-occupancy";
  public static final String EVENT_TYPE = "org.goldcommand.pressure.trust.v1";

  private final ReferenceData reference;
  private final MeterRegistry metrics;
  private final MeasureScoring scoring;
  private final ScoringTable table;

  public TrustOccupancyTopology(ReferenceData reference, ScoringTable table, MeterRegistry metrics) {
    this.reference = reference;
    this.metrics = metrics;
    this.table = table;
    this.scoring = new MeasureScoring(new OpelScorer(table));
  }

  /** Adds this topology to the builder. */
  public void build(StreamsBuilder builder) {
    builder.addStateStore(DeduplicateById.store(SEEN_SITREPS_STORE, DEDUPE_RETENTION));
    builder.addStateStore(NewestOnly.store(NEWEST_SITREP_STORE));
    Map<String, KStream<String, Envelope<Sitrep>>> routes = builder
        .stream(Topics.SITREPS.name(), Consumed.with(Topics.SITREPS.keySerde(), Topics.SITREPS.valueSerde())
            .withName("sitreps"))
        .processValues(() -> new DeduplicateById<Envelope<Sitrep>>(SEEN_SITREPS_STORE, DEDUPE_RETENTION,
            e -> e.id() + "@" + e.time()), Named.as("drop-resent-sitreps"), SEEN_SITREPS_STORE)
        .split(Named.as("sitrep-"))
        .branch((org, sitrep) -> sitrep.data() == null || sitrep.data().beds() == null, Branched.as("empty"))
        .branch((org, sitrep) -> reference.organisation(sitrep.data().orgCode()).isEmpty(), Branched.as("unknown"))
        .branch((org, sitrep) -> sitrep.data().siteCode() != null, Branched.as("site"))
        .defaultBranch(Branched.as("trust"));

    builder.addStateStore(ScoreTrust.store());
    routes.get("sitrep-trust")
        .processValues(() -> new NewestOnly<Envelope<Sitrep>>(NEWEST_SITREP_STORE, Envelope::time),
            Named.as("newest-sitrep-per-trust"), NEWEST_SITREP_STORE)
        .mapValues(sitrep -> new TrustUpdate(sitrep.data().orgCode(), SitrepMeasures.of(sitrep.data(), sitrep.time()),
            sitrep.time(), sitrep.id(), sitrep.receivedAt()), Named.as("bed-occupancy"))
        .merge(new HandoverFiguresTopology(reference, metrics).build(builder), Named.as("trust-figures"))
        .merge(new EdFiguresTopology(reference, table, metrics).build(builder), Named.as("merge-ed-figures"))
        .merge(new BedFiguresTopology(reference, metrics).build(builder), Named.as("merge-bed-figures"))
        .process(() -> new ScoreTrust(reference, scoring), Named.as("score-trust"), ScoreTrust.STORE)
        .to(Topics.TRUST_PRESSURE.name(),
            Produced.with(Topics.TRUST_PRESSURE.keySerde(), Topics.TRUST_PRESSURE.valueSerde()).withName("trust-pressure"));

    routes.get("sitrep-empty")
        .mapValues(sitrep -> deadLetter(sitrep, "The sitrep has no bed figures"), Named.as("empty-sitrep"))
        .merge(routes.get("sitrep-unknown").mapValues(sitrep -> deadLetter(sitrep, "Organisation "
            + sitrep.data().orgCode() + " is not in reference data"), Named.as("unknown-organisation")),
            Named.as("sitrep-dead-letters"))
        .peek((org, letter) -> metrics.counter("gc.deadletter.records", "stage", letter.stage(),
            "topic", letter.sourceTopic()).increment(), Named.as("count-dead-letters"))
        .to(Topics.DEAD_LETTERS.name(),
            Produced.with(Topics.DEAD_LETTERS.keySerde(), Topics.DEAD_LETTERS.valueSerde()).withName("dead-letters"));
  }

  private static DeadLetter deadLetter(Envelope<Sitrep> sitrep, String reason) {
    String payload;
    try {
      payload = Json.mapper().writeValueAsString(sitrep);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      payload = sitrep.id();
    }
    return new DeadLetter(Topics.SITREPS.name(), sitrep.subject(), reason, "streams.trust-occupancy", payload,
        sitrep.receivedAt());
  }
}
