package org.goldcommand.history;

import java.time.Instant;

/**
 * One parameter of a trust over one time bucket: what the trust detail view charts to show which
 * parameters took a trust to its level, and when.
 *
 * @param bucket start of the bucket (TimescaleDB {@code time_bucket} alignment, UTC)
 * @param avgValue mean of the parameter's values whose business time fell in the bucket
 * @param maxValue highest of those values
 * @param maxLevel highest level 1-4 the scoring table gave it, null when it was never scored
 * @param samples how many published values fell in the bucket
 */
public record ParameterPoint(Instant bucket, double avgValue, double maxValue, Integer maxLevel, long samples) {}
