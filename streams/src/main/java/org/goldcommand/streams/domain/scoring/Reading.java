package org.goldcommand.streams.domain.scoring;

import java.time.Instant;

/**
 * A parameter's latest value and when it was true.
 *
 * @param value the value
 * @param asAt its business time, for staleness
 */
public record Reading(double value, Instant asAt) {}
