package org.goldcommand.events.beds;

import java.time.Instant;

/**
 * A ward's beds at a moment: open, occupied, escalation beds open, closed. Contract:
 * {@code schemas/bed-state.v1.json}.
 */
public record BedState(
    String siteCode, String wardCode, BedType bedType, Instant asAt, int open, int occupied, int escalationOpen,
    int closed) {}
