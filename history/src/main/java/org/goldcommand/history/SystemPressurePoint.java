package org.goldcommand.history;

import java.time.Instant;

/**
 * A system's pressure over one time bucket, with its trend, for the system history chart. Figures
 * are null when no event in the bucket carried them.
 *
 * @param bucket start of the bucket (TimescaleDB {@code time_bucket} alignment, UTC)
 * @param score mean system score 0-100
 * @param opelLevel highest system OPEL level in the bucket
 * @param highestTrustLevel highest level any of its trusts reached in the bucket
 * @param change2h largest 2-hour score change published in the bucket
 * @param change4h largest 4-hour score change published in the bucket
 * @param risingFast whether the score was rising fast at any point in the bucket
 * @param samples how many system pressure events fell in the bucket
 */
public record SystemPressurePoint(
    Instant bucket,
    Double score,
    Integer opelLevel,
    Integer highestTrustLevel,
    Double change2h,
    Double change4h,
    boolean risingFast,
    long samples) {}
