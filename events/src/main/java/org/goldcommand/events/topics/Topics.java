package org.goldcommand.events.topics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.AlertCommand;
import org.goldcommand.events.ambulance.HandoverEvent;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.deadletter.DeadLetter;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.status.Rejection;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.events.vaccine.VaccineBookings;
import org.goldcommand.events.vaccine.VaccineStock;

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

  /** ED snapshots, keyed by site. */
  public static final Topic<String, Envelope<EdSnapshot>> ED_SNAPSHOTS =
      new Topic<>("feeds.ed-snapshot.v1", Serdes.String(), JsonSerde.envelopeOf(EdSnapshot.class), PARTITIONS, EVENTS);

  /** A&amp;E attendance steps, keyed by site. */
  public static final Topic<String, Envelope<AttendanceEvent>> ED_ATTENDANCES =
      new Topic<>("feeds.ed-attendance.v1", Serdes.String(), JsonSerde.envelopeOf(AttendanceEvent.class), PARTITIONS,
          EVENTS);

  /** Ambulance handover steps, keyed by incident so each conveyance stays in order. */
  public static final Topic<String, Envelope<HandoverEvent>> AMBULANCE_HANDOVERS =
      new Topic<>("feeds.ambulance-handover.v1", Serdes.String(), JsonSerde.envelopeOf(HandoverEvent.class),
          PARTITIONS, EVENTS);

  /** Patient movements from HL7 v2 ADT, keyed by site. */
  public static final Topic<String, Envelope<BedEvent>> BED_EVENTS =
      new Topic<>("feeds.bed-event.v1", Serdes.String(), JsonSerde.envelopeOf(BedEvent.class), PARTITIONS, EVENTS);

  /** Ward bed-state snapshots, keyed by site. */
  public static final Topic<String, Envelope<BedState>> BED_STATES =
      new Topic<>("feeds.bed-state.v1", Serdes.String(), JsonSerde.envelopeOf(BedState.class), PARTITIONS, EVENTS);

  /** Vaccine stock snapshots, keyed by site. */
  public static final Topic<String, Envelope<VaccineStock>> VACCINE_STOCK =
      new Topic<>("feeds.vaccine-stock.v1", Serdes.String(), JsonSerde.envelopeOf(VaccineStock.class), PARTITIONS,
          EVENTS);

  /** Vaccine bookings by site, day and product, keyed by site. */
  public static final Topic<String, Envelope<VaccineBookings>> VACCINE_BOOKINGS =
      new Topic<>("feeds.vaccine-bookings.v1", Serdes.String(), JsonSerde.envelopeOf(VaccineBookings.class),
          PARTITIONS, EVENTS);

  /** Vaccine fridge temperature readings, keyed by site. */
  public static final Topic<String, Envelope<ColdChainReading>> COLD_CHAIN =
      new Topic<>("feeds.cold-chain.v1", Serdes.String(), JsonSerde.envelopeOf(ColdChainReading.class), PARTITIONS,
          EVENTS);

  /** Submissions ingest refused, keyed by organisation, for feed status. */
  public static final Topic<String, Rejection> REJECTIONS =
      new Topic<>("feeds.rejection.v1", Serdes.String(), JsonSerde.of(Rejection.class), PARTITIONS, EVENTS);

  /** Each organisation's feed status, keyed by {@code <org>/<feed>}, latest value kept. */
  public static final Topic<String, FeedStatus> FEED_STATUS =
      new Topic<>("feeds.status.v1", Serdes.String(), JsonSerde.of(FeedStatus.class), PARTITIONS, LATEST);

  /** Inputs that passed the door but failed deeper checks, with the reason. */
  public static final Topic<String, DeadLetter> DEAD_LETTERS =
      new Topic<>("feeds.deadletter.v1", Serdes.String(), JsonSerde.of(DeadLetter.class), 1, EVENTS);

  /** Each trust's pressure, republished on every change. */
  public static final Topic<String, Envelope<TrustPressure>> TRUST_PRESSURE =
      new Topic<>("pressure.trust.v1", Serdes.String(), JsonSerde.envelopeOf(TrustPressure.class), PARTITIONS, EVENTS);

  /** Each system's pressure, republished whenever one of its trusts' changes. */
  public static final Topic<String, Envelope<SystemPressure>> SYSTEM_PRESSURE =
      new Topic<>("pressure.system.v1", Serdes.String(), JsonSerde.envelopeOf(SystemPressure.class), PARTITIONS, EVENTS);

  /** Every step of every alert, keyed by {@code <ruleId>/<subject>}: the latest per key is its state. */
  public static final Topic<String, Alert> ALERTS =
      new Topic<>("alerts.v1", Serdes.String(), JsonSerde.of(Alert.class), PARTITIONS, EVENTS);

  /** People's steps on alerts (acknowledge, resolve), keyed like {@link #ALERTS}, for the alerts topology. */
  public static final Topic<String, AlertCommand> ALERT_COMMANDS =
      new Topic<>("alerts.commands.v1", Serdes.String(), JsonSerde.of(AlertCommand.class), PARTITIONS, EVENTS);

  /** Every change a person made, keyed by {@code <targetType>/<targetId>}; kept for years. */
  public static final Topic<String, AuditEntry> AUDIT =
      new Topic<>("audit.v1", Serdes.String(), JsonSerde.of(AuditEntry.class), PARTITIONS,
          Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

  /**
   * Mutual-aid suggestions (divert, share beds), keyed by suggestion id. The topology that writes
   * them arrives with the mutual-aid work; until then the payload is plain JSON, served live as
   * published, and must carry {@code systemCode} and {@code orgCode} so people see only their own.
   */
  public static final Topic<String, JsonNode> MUTUAL_AID_SUGGESTIONS =
      new Topic<>("mutual-aid.suggestions.v1", Serdes.String(), JsonSerde.of(JsonNode.class), PARTITIONS, EVENTS);

  /**
   * Each site's vaccine stock position per product, keyed by {@code <siteCode>/<product>}; plain JSON
   * (with {@code systemCode}, {@code orgCode}, {@code siteCode}) until the stock ledger defines it.
   */
  public static final Topic<String, JsonNode> VACCINE_STOCK_POSITIONS =
      new Topic<>("vaccine.stock-position.v1", Serdes.String(), JsonSerde.of(JsonNode.class), PARTITIONS, LATEST);

  /**
   * Vaccine movements between organisations and their authorisation steps, keyed by movement id;
   * plain JSON (with {@code systemCode}, {@code orgCode}, {@code siteCode}) until the ledger defines it.
   */
  public static final Topic<String, JsonNode> VACCINE_MOVEMENTS =
      new Topic<>("vaccine.movements.v1", Serdes.String(), JsonSerde.of(JsonNode.class), PARTITIONS, EVENTS);

  /** Reference data: organisations, their sites and bed bases, latest version per code. */
  public static final Topic<String, Organisation> ORGANISATIONS =
      new Topic<>("reference.organisations.v1", Serdes.String(), JsonSerde.of(Organisation.class), 1, LATEST);

  private Topics() {}

  /** Every topic, for creating them at start-up. */
  public static List<Topic<?, ?>> all() {
    return List.of(SITREPS, ED_SNAPSHOTS, ED_ATTENDANCES, AMBULANCE_HANDOVERS, BED_EVENTS, BED_STATES, VACCINE_STOCK,
        VACCINE_BOOKINGS, COLD_CHAIN, REJECTIONS, FEED_STATUS, DEAD_LETTERS, TRUST_PRESSURE, SYSTEM_PRESSURE, ALERTS, ALERT_COMMANDS,
        AUDIT, MUTUAL_AID_SUGGESTIONS, VACCINE_STOCK_POSITIONS, VACCINE_MOVEMENTS, ORGANISATIONS);
  }

}
