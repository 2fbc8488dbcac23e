package org.goldcommand.events.ed;

import java.time.Instant;

/**
 * A snapshot of one emergency department, sent every few minutes by the trust's ED system: who is
 * in the department now, how long they have waited, and the day's totals so far. Contract:
 * {@code schemas/ed-snapshot.v1.json}.
 */
public record EdSnapshot(
    String siteCode,
    Instant asAt,
    int patientsInDepartment,
    int edCapacity,
    int over4h,
    int over12h,
    int decisionToAdmitWaiting,
    int dtaOver8h,
    Integer majorsResusOccupied,
    Integer majorsResusCapacity,
    Integer ambulancesQueued,
    int attendancesSinceMidnight,
    int breachesSinceMidnight) {}
