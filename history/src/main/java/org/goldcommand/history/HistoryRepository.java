package org.goldcommand.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.serde.Json;

/**
 * The queries the dashboard API answers from history: how a trust and its system got where they
 * are (scores, parameters, alerts) and who changed what (the audit log). Blocking JDBC, so call it
 * from a worker thread, never an event loop. Failures surface as {@link HistoryUnavailableException}.
 * Buckets use {@code time_bucket}, so they line up with Grafana's and TimescaleDB's (weeks start on
 * Monday, UTC) on TimescaleDB and plain PostgreSQL alike. Ranges are {@code [from, to)}.
 */
public final class HistoryRepository {

  /** More buckets than a chart can show is a caller's mistake, and an expensive one. */
  public static final int MAX_BUCKETS = 10_000;

  /** The most alerts or audit entries one call returns (the newest). */
  public static final int MAX_ROWS = 1_000;

  private static final String TRUST_PRESSURE = """
      SELECT time_bucket(make_interval(secs => ?), as_at) AS bucket,
             avg(ga_occupancy_pct), avg(cc_occupancy_pct), avg(score), max(opel_level), count(*)
      FROM trust_pressure
      WHERE org_code = ? AND as_at >= ? AND as_at < ?
      GROUP BY bucket
      ORDER BY bucket""";

  private static final String PARAMETERS = """
      SELECT name, time_bucket(make_interval(secs => ?), as_at) AS bucket,
             avg(value), max(value), max(level), count(*)
      FROM trust_parameter
      WHERE org_code = ? AND as_at >= ? AND as_at < ?
      GROUP BY name, bucket
      ORDER BY name, bucket""";

  private static final String SYSTEM_PRESSURE = """
      SELECT time_bucket(make_interval(secs => ?), as_at) AS bucket,
             avg(score), max(opel_level), max(highest_trust_level), max(change_2h), max(change_4h),
             coalesce(bool_or(rising_fast), false), count(*)
      FROM system_pressure
      WHERE system_code = ? AND as_at >= ? AND as_at < ?
      GROUP BY bucket
      ORDER BY bucket""";

  /** Alerts whose life overlaps the range, each at its latest step; %s is the column to match. */
  private static final String ALERTS = """
      SELECT payload::text
      FROM (SELECT DISTINCT ON (alert_id) alert_id, payload, resolved_at, coalesce(raised_at, updated_at) AS raised
            FROM alert_event
            WHERE %s = ? AND coalesce(raised_at, updated_at) < ?
            ORDER BY alert_id, updated_at DESC,
                     CASE state WHEN 'RESOLVED' THEN 3 WHEN 'ACKNOWLEDGED' THEN 2 ELSE 1 END DESC) latest
      WHERE resolved_at IS NULL OR resolved_at >= ?
      ORDER BY raised DESC, alert_id
      LIMIT %d""";

  private static final String AUDIT = """
      SELECT id, at, actor, role, action, target_type, target_id, system_code, details::text
      FROM audit_log
      WHERE at >= ? AND at < ?
        AND (?::text IS NULL OR actor = ?) AND (?::text IS NULL OR target_type = ?) AND (?::text IS NULL OR target_id = ?)
      ORDER BY at DESC, id
      LIMIT %d""".formatted(MAX_ROWS);

  private static final String SITREP = """
      SELECT event_id, org_code, site_code, as_at, received_at, ga_core_open, ga_escalation_open, ga_occupied,
             cc_open, cc_occupied, staff_absence_pct
      FROM sitrep WHERE event_id = ? ORDER BY as_at DESC LIMIT 1""";

  private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};
  private static final TypeReference<Alert> ALERT = new TypeReference<>() {};

  private final DataSource dataSource;

  /** A repository reading through this data source (a read-only user is enough). */
  public HistoryRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * A trust's pressure in buckets of {@code bucket} over {@code [from, to)}, oldest first. Buckets
   * with no events are absent.
   *
   * @throws IllegalArgumentException if the range is empty or backwards, the bucket is shorter
   *     than a second, or the range holds more than {@link #MAX_BUCKETS} buckets
   */
  public List<TrustPressurePoint> trustPressure(String orgCode, Instant from, Instant to, Duration bucket) {
    Objects.requireNonNull(orgCode, "orgCode");
    checkBuckets(from, to, bucket);
    return query(TRUST_PRESSURE, "the pressure history of " + orgCode, ps -> bindBucketed(ps, bucket, orgCode, from, to),
        rs -> new TrustPressurePoint(instant(rs, 1), rs.getObject(2, Double.class), rs.getObject(3, Double.class),
            rs.getObject(4, Double.class), rs.getObject(5, Integer.class), rs.getLong(6)));
  }

  /**
   * A trust's parameters in buckets of {@code bucket} over {@code [from, to)}, by the business
   * time of each value: per parameter name (alphabetical), its buckets oldest first. A parameter
   * with no value in the range is absent.
   *
   * @throws IllegalArgumentException as {@link #trustPressure}
   */
  public Map<String, List<ParameterPoint>> parameterHistory(String orgCode, Instant from, Instant to, Duration bucket) {
    Objects.requireNonNull(orgCode, "orgCode");
    checkBuckets(from, to, bucket);
    record Named(String name, ParameterPoint point) {}
    List<Named> rows = query(PARAMETERS, "the parameter history of " + orgCode,
        ps -> bindBucketed(ps, bucket, orgCode, from, to),
        rs -> new Named(rs.getString(1), new ParameterPoint(instant(rs, 2), rs.getDouble(3), rs.getDouble(4),
            rs.getObject(5, Integer.class), rs.getLong(6))));
    Map<String, List<ParameterPoint>> byName = new LinkedHashMap<>();
    rows.forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r.point()));
    byName.replaceAll((name, points) -> List.copyOf(points));
    return Collections.unmodifiableMap(byName);
  }

  /**
   * A system's pressure and trend in buckets of {@code bucket} over {@code [from, to)}, oldest first.
   *
   * @throws IllegalArgumentException as {@link #trustPressure}
   */
  public List<SystemPressurePoint> systemPressure(String systemCode, Instant from, Instant to, Duration bucket) {
    Objects.requireNonNull(systemCode, "systemCode");
    checkBuckets(from, to, bucket);
    return query(SYSTEM_PRESSURE, "the pressure history of system " + systemCode,
        ps -> bindBucketed(ps, bucket, systemCode, from, to),
        rs -> new SystemPressurePoint(instant(rs, 1), rs.getObject(2, Double.class), rs.getObject(3, Integer.class),
            rs.getObject(4, Integer.class), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
            rs.getBoolean(7), rs.getLong(8)));
  }

  /**
   * The alerts of a system (its trusts', sites' and its own) that were open at some time in
   * {@code [from, to)}, each as it stands now (its latest step), newest raised first, at most
   * {@link #MAX_ROWS}.
   *
   * @throws IllegalArgumentException if the range is empty or backwards
   */
  public List<Alert> systemAlerts(String systemCode, Instant from, Instant to) {
    return alerts("system_code", Objects.requireNonNull(systemCode, "systemCode"), from, to);
  }

  /** As {@link #systemAlerts}, for the alerts about one trust (and its sites). */
  public List<Alert> trustAlerts(String orgCode, Instant from, Instant to) {
    return alerts("org_code", Objects.requireNonNull(orgCode, "orgCode"), from, to);
  }

  /**
   * Audit entries made in {@code [from, to)} that match the filter, newest first, at most
   * {@link #MAX_ROWS}.
   *
   * @throws IllegalArgumentException if the range is empty or backwards
   */
  public List<AuditEntry> audit(Instant from, Instant to, AuditFilter filter) {
    Objects.requireNonNull(filter, "filter");
    checkRange(from, to);
    return query(AUDIT, "the audit log", ps -> {
      HistoryRow.setInstant(ps, 1, from);
      HistoryRow.setInstant(ps, 2, to);
      String[] values = {filter.actor(), filter.targetType(), filter.targetId()};
      for (int i = 0; i < values.length; i++) {
        ps.setString(3 + 2 * i, values[i]);
        ps.setString(4 + 2 * i, values[i]);
      }
    }, rs -> new AuditEntry(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), fromJson(rs.getString(9), DETAILS)));
  }

  /** The stored sitrep with this event id, if it has landed. */
  public Optional<StoredSitrep> sitrep(String eventId) {
    return query(SITREP, "sitrep " + eventId, ps -> ps.setString(1, eventId),
        rs -> new StoredSitrep(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
            instant(rs, 5), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
            rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getObject(10, Integer.class),
            rs.getObject(11, Double.class))).stream().findFirst();
  }

  /** How many rows hold this sitrep event: 1 once landed, whatever the number of deliveries. */
  public long sitrepCount(String eventId) {
    return count("SELECT count(*) FROM sitrep WHERE event_id = ?", eventId);
  }

  /** How many rows hold this trust pressure event: 1 once landed. */
  public long trustPressureCount(String eventId) {
    return count("SELECT count(*) FROM trust_pressure WHERE event_id = ?", eventId);
  }

  private List<Alert> alerts(String column, String code, Instant from, Instant to) {
    checkRange(from, to);
    return query(ALERTS.formatted(column, MAX_ROWS), "the alerts of " + code, ps -> {
      ps.setString(1, code);
      HistoryRow.setInstant(ps, 2, to);
      HistoryRow.setInstant(ps, 3, from);
    }, rs -> fromJson(rs.getString(1), ALERT));
  }

  private long count(String sql, String eventId) {
    return query(sql, "the rows of event " + eventId, ps -> ps.setString(1, eventId), rs -> rs.getLong(1)).get(0);
  }

  private <T> List<T> query(String sql, String what, Binder binder, RowReader<T> reader) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new HistoryUnavailableException("Cannot read " + what, e);
    }
  }

  private static void bindBucketed(PreparedStatement ps, Duration bucket, String code, Instant from, Instant to)
      throws SQLException {
    ps.setDouble(1, bucket.toNanos() / 1e9);
    ps.setString(2, code);
    HistoryRow.setInstant(ps, 3, from);
    HistoryRow.setInstant(ps, 4, to);
  }

  private static void checkRange(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " must be before to " + to);
    }
  }

  private static void checkBuckets(Instant from, Instant to, Duration bucket) {
    checkRange(from, to);
    if (bucket.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("bucket " + bucket + " must be at least one second");
    }
    if (Duration.between(from, to).dividedBy(bucket) > MAX_BUCKETS) {
      throw new IllegalArgumentException("more than " + MAX_BUCKETS + " buckets of " + bucket + " from " + from + " to " + to);
    }
  }

  /** Stored JSON was written by the sink from a contract record, so failing to read it is a database fault. */
  private static <T> T fromJson(String json, TypeReference<T> type) throws SQLException {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored JSON cannot be read as " + type.getType() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads the current row. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }
}
