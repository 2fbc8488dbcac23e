package org.goldcommand.events.vaccine;

import java.time.Instant;

/**
 * One temperature reading from a vaccine fridge's logger. Contract:
 * {@code schemas/cold-chain.v1.json}.
 */
public record ColdChainReading(String deviceId, String siteCode, Instant at, double celsius) {}
