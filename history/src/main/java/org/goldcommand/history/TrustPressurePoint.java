package org.goldcommand.history;

import java.time.Instant;

/**
 * A trust's pressure over one time bucket, for trend charts. Figures are null when no event in the
 * bucket carried them (a missing feed is shown as a gap, not as zero).
 *
 * @param bucket start of the bucket (TimescaleDB {@code time_bucket} alignment, UTC)
 * @param gaOccupancyPct mean adult G&amp;A bed occupancy %
 * @param criticalCareOccupancyPct mean adult critical care occupancy %
 * @param score mean pressure score 0-100
 * @param opelLevel highest OPEL level reached in the bucket
 * @param samples how many pressure events fell in the bucket
 */
public record TrustPressurePoint(
    Instant bucket,
    Double gaOccupancyPct,
    Double criticalCareOccupancyPct,
    Double score,
    Integer opelLevel,
    long samples) {}
