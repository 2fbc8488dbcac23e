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
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.occupancy.BedOccupancy;
import org.goldcommand.streams.support.DeduplicateById;

/**
 * Sitreps to trust pressure: each new sitrep (re-sent copies dropped) becomes the trust's current
 * bed occupancy on {@code pressure.trust.v1}, named and placed in its system from reference data.
 * A sitrep for an organisation the reference data does not know goes to the dead-letter topic
 * rather than producing a tile nobody can place.
 */
public final class TrustOccupancyTopology {

  /** Remembers sitrep ids long enough to cover the 14 days a trust may correct. */
  public static final String SEEN_SITREPS_STORE = "sitrep-seen-ids";
  public static final Duration DEDUPE_RETENTION = Duration.ofDays(15);
  public static final String SOURCE = "/streams/trust-occupancy";
  public static final String EVENT_TYPE = "org.goldcommand.pressure.trust.v1";

  private final ReferenceData reference;
  private final MeterRegistry metrics;

  public TrustOccupancyTopology(ReferenceData reference, MeterRegistry metrics) {
    this.reference = reference;
    this.metrics = metrics;
  }

  /** Adds this topology to the builder. */
  public void build(StreamsBuilder builder) {
    builder.addStateStore(DeduplicateById.store(SEEN_SITREPS_STORE, DEDUPE_RETENTION));
    Map<String, KStream<String, Envelope<Sitrep>>> routes = builder
        .stream(Topics.SITREPS.name(), Consumed.with(Topics.SITREPS.keySerde(), Topics.SITREPS.valueSerde())
            .withName("sitreps"))
        .processValues(() -> new DeduplicateById<Envelope<Sitrep>>(SEEN_SITREPS_STORE, DEDUPE_RETENTION, Envelope::id),
            Named.as("drop-resent-sitreps"), SEEN_SITREPS_STORE)
        .split(Named.as("sitrep-"))
        .branch((org, sitrep) -> reference.organisation(sitrep.data().orgCode()).isPresent(), Branched.as("known"))
        .defaultBranch(Branched.as("unknown"));

    routes.get("sitrep-known")
        .mapValues(this::toPressure, Named.as("bed-occupancy"))
        .to(Topics.TRUST_PRESSURE.name(),
            Produced.with(Topics.TRUST_PRESSURE.keySerde(), Topics.TRUST_PRESSURE.valueSerde()).withName("trust-pressure"));

    routes.get("sitrep-unknown")
        .mapValues(TrustOccupancyTopology::unknownOrganisation, Named.as("unknown-organisation"))
        .peek((org, letter) -> metrics.counter("gc.deadletter.records", "stage", letter.stage(),
            "topic", letter.sourceTopic()).increment(), Named.as("count-dead-letters"))
        .to(Topics.DEAD_LETTERS.name(),
            Produced.with(Topics.DEAD_LETTERS.keySerde(), Topics.DEAD_LETTERS.valueSerde()).withName("dead-letters"));
  }

  private Envelope<TrustPressure> toPressure(Envelope<Sitrep> sitrep) {
    Organisation org = reference.organisation(sitrep.data().orgCode()).orElseThrow();
    TrustPressure pressure = new TrustPressure(org.code(), org.shortName(), org.systemCode(), sitrep.time(),
        BedOccupancy.measures(sitrep.data().beds(), sitrep.time()), null, null, null);
    return sitrep.derive("pressure.trust/" + sitrep.id(), SOURCE, EVENT_TYPE, sitrep.receivedAt(), pressure);
  }

  private static DeadLetter unknownOrganisation(Envelope<Sitrep> sitrep) {
    String payload;
    try {
      payload = Json.mapper().writeValueAsString(sitrep);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      payload = sitrep.id();
    }
    return new DeadLetter(Topics.SITREPS.name(), sitrep.data().orgCode(),
        "Organisation " + sitrep.data().orgCode() + " is not in reference data", "streams.trust-occupancy",
        payload, sitrep.receivedAt());
  }
}
