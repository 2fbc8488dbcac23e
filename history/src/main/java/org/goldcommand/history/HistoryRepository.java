package org.goldcommand.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The queries the dashboard API answers from history. Blocking JDBC, so call it from a worker
 * thread, never an event loop. Failures surface as {@link HistoryUnavailableException}. Buckets
 * use {@code time_bucket}, so they line up with Grafana's and TimescaleDB's (weeks start on Monday,
 * UTC) on TimescaleDB and plain PostgreSQL alike.
 */
public final class HistoryRepository {

  /** More buckets than a chart can show is a caller's mistake, and an expensive one. */
  public static final int MAX_BUCKETS = 10_000;

  private static final String TRUST_PRESSURE = """
      SELECT time_bucket(make_interval(secs => ?), as_at) AS bucket,
             avg(ga_occupancy_pct), avg(cc_occupancy_pct), avg(score), max(opel_level), count(*)
      FROM trust_pressure
      WHERE org_code = ? AND as_at >= ? AND as_at < ?
      GROUP BY bucket
      ORDER BY bucket""";

  private static final String SITREP = """
      SELECT event_id, org_code, site_code, as_at, received_at, ga_core_open, ga_escalation_open, ga_occupied,
             cc_open, cc_occupied, staff_absence_pct
      FROM sitrep WHERE event_id = ? ORDER BY as_at DESC LIMIT 1""";

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
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " must be before to " + to);
    }
    if (bucket.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("bucket " + bucket + " must be at least one second");
    }
    if (Duration.between(from, to).dividedBy(bucket) > MAX_BUCKETS) {
      throw new IllegalArgumentException("more than " + MAX_BUCKETS + " buckets of " + bucket + " from " + from + " to " + to);
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TRUST_PRESSURE)) {
      ps.setDouble(1, bucket.toNanos() / 1e9);
      ps.setString(2, orgCode);
      HistoryRow.setInstant(ps, 3, from);
      HistoryRow.setInstant(ps, 4, to);
      List<TrustPressurePoint> points = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          points.add(new TrustPressurePoint(instant(rs, 1), rs.getObject(2, Double.class),
              rs.getObject(3, Double.class), rs.getObject(4, Double.class), rs.getObject(5, Integer.class),
              rs.getLong(6)));
        }
      }
      return points;
    } catch (SQLException e) {
      throw new HistoryUnavailableException("Cannot read the pressure history of " + orgCode, e);
    }
  }

  /** The stored sitrep with this event id, if it has landed. */
  public Optional<StoredSitrep> sitrep(String eventId) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SITREP)) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredSitrep(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
            instant(rs, 5), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
            rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getObject(10, Integer.class),
            rs.getObject(11, Double.class)));
      }
    } catch (SQLException e) {
      throw new HistoryUnavailableException("Cannot read sitrep " + eventId, e);
    }
  }

  /** How many rows hold this sitrep event: 1 once landed, whatever the number of deliveries. */
  public long sitrepCount(String eventId) {
    return count("SELECT count(*) FROM sitrep WHERE event_id = ?", eventId);
  }

  /** How many rows hold this trust pressure event: 1 once landed. */
  public long trustPressureCount(String eventId) {
    return count("SELECT count(*) FROM trust_pressure WHERE event_id = ?", eventId);
  }

  private long count(String sql, String eventId) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new HistoryUnavailableException("Cannot count event " + eventId, e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
