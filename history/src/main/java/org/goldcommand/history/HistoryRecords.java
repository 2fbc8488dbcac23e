package org.goldcommand.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;

/**
 * Turns the raw bytes of a record on a history topic into the row to store. The sink reads bytes
 * and decodes here, one record at a time, so that one unreadable record is skipped on its own
 * instead of failing the poll that carried it.
 */
final class HistoryRecords {

  /** The topics the history holds, in the order the tables were added. */
  static final List<String> TOPICS = List.of(Topics.SITREPS.name(), Topics.TRUST_PRESSURE.name(),
      Topics.SYSTEM_PRESSURE.name(), Topics.ALERTS.name(), Topics.AUDIT.name());

  /** Measure names, as published by the pressure topology, of the figures kept in columns. */
  static final String GA_OCCUPANCY = "gaOccupancyPct";
  static final String CRITICAL_CARE_OCCUPANCY = "criticalCareOccupancyPct";

  private final Deserializer<Envelope<Sitrep>> sitreps = Topics.SITREPS.valueSerde().deserializer();
  private final Deserializer<Envelope<TrustPressure>> pressures = Topics.TRUST_PRESSURE.valueSerde().deserializer();
  private final Deserializer<Envelope<SystemPressure>> systems = Topics.SYSTEM_PRESSURE.valueSerde().deserializer();
  private final Deserializer<Alert> alerts = Topics.ALERTS.valueSerde().deserializer();
  private final Deserializer<AuditEntry> audit = Topics.AUDIT.valueSerde().deserializer();

  /**
   * The row for one record.
   *
   * @throws UnreadableRecordException when the record cannot be stored, with the reason
   */
  HistoryRow decode(String topic, byte[] value) throws UnreadableRecordException {
    if (value == null) {
      throw new UnreadableRecordException("empty record");
    }
    try {
      if (topic.equals(Topics.SITREPS.name())) {
        return sitrep(sitreps.deserialize(topic, value));
      }
      if (topic.equals(Topics.TRUST_PRESSURE.name())) {
        return pressure(pressures.deserialize(topic, value));
      }
      if (topic.equals(Topics.SYSTEM_PRESSURE.name())) {
        return system(systems.deserialize(topic, value));
      }
      if (topic.equals(Topics.ALERTS.name())) {
        return alert(require(alerts.deserialize(topic, value), "no alert in the record"));
      }
      if (topic.equals(Topics.AUDIT.name())) {
        return audit(require(audit.deserialize(topic, value), "no audit entry in the record"));
      }
    } catch (SerializationException e) {
      // Jackson's message continues with a location line; the first line says what was wrong.
      String message = String.valueOf(e.getMessage());
      throw new UnreadableRecordException(message.lines().findFirst().orElse(message));
    }
    throw new UnreadableRecordException("not a history topic: " + topic);
  }

  private static SitrepRow sitrep(Envelope<Sitrep> event) throws UnreadableRecordException {
    Sitrep s = require(event.data(), "no sitrep in envelope " + event.id());
    require(s.orgCode(), "sitrep " + event.id() + " has no orgCode");
    Sitrep.Beds beds = s.beds() == null ? new Sitrep.Beds(null, null, null, null, null, null) : s.beds();
    return new SitrepRow(event.id(), s.orgCode(), s.siteCode(), businessTime(s.asAt(), event), event.receivedAt(),
        beds.gaCoreOpen(), beds.gaEscalationOpen(), beds.gaOccupied(),
        beds.adultCriticalCareOpen(), beds.adultCriticalCareOccupied(), s.staffAbsencePct(), json(s));
  }

  private static TrustPressureRow pressure(Envelope<TrustPressure> event) throws UnreadableRecordException {
    TrustPressure p = require(event.data(), "no trust pressure in envelope " + event.id());
    require(p.orgCode(), "trust pressure " + event.id() + " has no orgCode");
    Instant asAt = businessTime(p.asAt(), event);
    List<TrustParameterRow> parameters = new ArrayList<>(p.measures().size());
    for (Measure m : p.measures()) {
      require(m.name(), "trust pressure " + event.id() + " has a measure with no name");
      parameters.add(new TrustParameterRow(event.id(), p.orgCode(), p.systemCode(), m.name(),
          m.asAt() != null ? m.asAt() : asAt, m.value(), m.unit(), m.level(), m.weight(), m.contribution()));
    }
    return new TrustPressureRow(event.id(), p.orgCode(), p.systemCode(), asAt,
        event.receivedAt(), figure(p, GA_OCCUPANCY), figure(p, CRITICAL_CARE_OCCUPANCY),
        p.score(), p.opelLevel(), p.tableVersion(), json(p), parameters);
  }

  private static SystemPressureRow system(Envelope<SystemPressure> event) throws UnreadableRecordException {
    SystemPressure p = require(event.data(), "no system pressure in envelope " + event.id());
    require(p.systemCode(), "system pressure " + event.id() + " has no systemCode");
    SystemPressure.Trend trend = p.trend();
    return new SystemPressureRow(event.id(), p.systemCode(), businessTime(p.asAt(), event), event.receivedAt(),
        p.score(), p.opelLevel(), p.highestTrustLevel(), trend == null ? null : trend.change2h(),
        trend == null ? null : trend.change4h(), trend == null ? null : trend.risingFast(), p.tableVersion(), json(p));
  }

  private static AlertRow alert(Alert a) throws UnreadableRecordException {
    String id = require(a.alertId(), "alert with key " + a.key() + " has no alertId");
    require(a.key(), "alert " + id + " has no key");
    require(a.ruleId(), "alert " + id + " has no ruleId");
    require(a.state(), "alert " + id + " has no state");
    Instant updatedAt = require(a.updatedAt() != null ? a.updatedAt() : a.raisedAt(), "alert " + id + " has no updatedAt");
    return new AlertRow(id, a.key(), a.ruleId(), name(a.kind()), name(a.severity()), a.subject(), a.systemCode(),
        a.orgCode(), a.siteCode(), a.state().name(), a.title(), a.message(), a.raisedAt(), a.acknowledgedAt(),
        a.acknowledgedBy(), a.resolvedAt(), a.resolvedBy(), updatedAt, json(a));
  }

  private static AuditRow audit(AuditEntry e) throws UnreadableRecordException {
    String id = require(e.id(), "audit entry with no id");
    require(e.at(), "audit entry " + id + " has no time");
    require(e.actor(), "audit entry " + id + " has no actor");
    require(e.action(), "audit entry " + id + " has no action");
    return new AuditRow(id, e.at(), e.actor(), e.role(), e.action(), e.targetType(), e.targetId(), e.systemCode(),
        json(e.details()));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  /** The payload's own business time when it has one, else the envelope's (the same by contract). */
  private static Instant businessTime(Instant payloadTime, Envelope<?> event) {
    return payloadTime != null ? payloadTime : event.time();
  }

  private static Double figure(TrustPressure p, String measure) {
    return p.measure(measure).map(Measure::value).orElse(null);
  }

  private static String json(Object payload) throws UnreadableRecordException {
    try {
      return Json.mapper().writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new UnreadableRecordException("cannot write payload as JSON: " + e.getMessage());
    }
  }

  private static <T> T require(T value, String reason) throws UnreadableRecordException {
    if (value == null) {
      throw new UnreadableRecordException(reason);
    }
    return value;
  }

  /** A record the history cannot hold; the sink counts it and moves on. */
  static final class UnreadableRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableRecordException(String reason) {
      super(reason, null, false, false);
    }
  }
}
