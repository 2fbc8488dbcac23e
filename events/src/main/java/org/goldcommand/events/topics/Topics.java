package org.goldcommand.events.topics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.deadletter.DeadLetter;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.sitrep.Sitrep;

/**
 * The topic catalogue: every topic Gold Command reads or writes, in one place. Inputs are keyed by
 * the organisation they are about so that all of one trust's events share a partition and stay in
 * order.
 */
public final class Topics {

  private static final int PARTITIONS = 3;
  private static final Map<String, String> EVENTS = Map.of("cleanup.policy", "delete", "retention.ms", "2592000000");
  private static final Map<String, String> LATEST = Map.of("cleanup.policy", "compact");

  /** Daily UEC sit-reps as submitted, after validation at the door. */
  public static final Topic<String, Envelope<Sitrep>> SITREPS =
      new Topic<>("feeds.sitrep.v1", Serdes.String(), JsonSerde.envelopeOf(Sitrep.class), PARTITIONS, EVENTS);

  /** Inputs that passed the door but failed deeper checks, with the reason. */
  public static final Topic<String, DeadLetter> DEAD_LETTERS =
      new Topic<>("feeds.deadletter.v1", Serdes.String(), JsonSerde.of(DeadLetter.class), 1, EVENTS);

  /** Each trust's pressure, republished on every change. */
  public static final Topic<String, Envelope<TrustPressure>> TRUST_PRESSURE =
      new Topic<>("pressure.trust.v1", Serdes.String(), JsonSerde.envelopeOf(TrustPressure.class), PARTITIONS, EVENTS);

  /** Reference data: organisations, their sites and bed bases, latest version per code. */
  public static final Topic<String, Organisation> ORGANISATIONS =
      new Topic<>("reference.organisations.v1", Serdes.String(), JsonSerde.of(Organisation.class), 1, LATEST);

  private Topics() {}

  /** Every topic, for creating them at start-up. */
  public static List<Topic<?, ?>> all() {
    return List.of(SITREPS, DEAD_LETTERS, TRUST_PRESSURE, ORGANISATIONS);
  }

}
