package org.goldcommand.history;

import java.time.Instant;

/**
 * A sitrep as the history holds it: what the dashboards and the API read back, and how a caller
 * (or a test) confirms that a submission landed.
 *
 * @param eventId the event's idempotency key
 * @param orgCode the submitting trust
 * @param siteCode the site, when the return is per site
 * @param asAt business time: the 08:00 bed snapshot it describes
 * @param receivedAt when Gold Command took it in
 * @param gaCoreOpen open core G&amp;A beds
 * @param gaEscalationOpen open escalation G&amp;A beds
 * @param gaOccupied occupied G&amp;A beds
 * @param criticalCareOpen open adult critical care beds
 * @param criticalCareOccupied occupied adult critical care beds
 * @param staffAbsencePct staff absence %
 */
public record StoredSitrep(
    String eventId,
    String orgCode,
    String siteCode,
    Instant asAt,
    Instant receivedAt,
    Integer gaCoreOpen,
    Integer gaEscalationOpen,
    Integer gaOccupied,
    Integer criticalCareOpen,
    Integer criticalCareOccupied,
    Double staffAbsencePct) {}
