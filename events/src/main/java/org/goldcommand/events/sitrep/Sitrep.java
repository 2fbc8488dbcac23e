package org.goldcommand.events.sitrep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The daily UEC situation report, v1. Bed figures are the 08:00 snapshot on {@code asAt}; activity
 * (discharges, ambulance arrivals) covers the previous day, as in NHS England's sitrep definitions.
 * The JSON Schema {@code schemas/sitrep.v1.json} is the contract; this record mirrors it.
 *
 * <p>Only {@code orgCode}, {@code asAt} and the G&amp;A core bed figures are required, so a trust
 * can start with what it has; every group it omits simply counts as missing downstream. A
 * correction is a new return naming the one it {@code supersedes}: nothing is ever edited.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sitrep(
    String submissionId,
    String orgCode,
    String siteCode,
    Instant asAt,
    Beds beds,
    Discharge discharge,
    LongStay longStay,
    Respiratory respiratory,
    Double staffAbsencePct,
    Ambulance ambulance,
    Integer aeDiverts,
    Mortuary mortuary,
    String comments,
    String supersedes) {

  /** A return that corrects no earlier one. */
  public Sitrep(String submissionId, String orgCode, String siteCode, Instant asAt, Beds beds, Discharge discharge,
      LongStay longStay, Respiratory respiratory, Double staffAbsencePct, Ambulance ambulance, Integer aeDiverts,
      Mortuary mortuary, String comments) {
    this(submissionId, orgCode, siteCode, asAt, beds, discharge, longStay, respiratory, staffAbsencePct, ambulance,
        aeDiverts, mortuary, comments, null);
  }

  /** General and acute and adult critical care beds at the 08:00 snapshot. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Beds(
      Integer gaCoreOpen,
      Integer gaEscalationOpen,
      Integer gaOccupied,
      Integer adultCriticalCareOpen,
      Integer adultCriticalCareOccupied,
      Integer closedInfectionControl) {

    /** Open G&amp;A beds, core plus escalation. */
    public int gaOpen() {
      return gaCoreOpen + (gaEscalationOpen == null ? 0 : gaEscalationOpen);
    }
  }

  /** Patients with no criteria to reside and the previous day's discharges. */
  public record Discharge(Integer nctr, Integer dischargedBy17, Integer dischargedAfter17) {}

  /** Patients by length of stay. */
  public record LongStay(Integer over7, Integer over14, Integer over21) {}

  /** Beds occupied by patients with respiratory infections. */
  public record Respiratory(Integer covid, Integer flu, Integer rsv) {}

  /** The previous day's ambulance arrivals and handover delays. */
  public record Ambulance(Integer arrivals, Integer handoversOver30, Integer handoversOver60, Double hoursLost) {}

  /** Mortuary capacity and occupancy. */
  public record Mortuary(Integer capacity, Integer occupied) {}

  /** The same sitrep with the idempotency key filled in. */
  public Sitrep withSubmissionId(String id) {
    return new Sitrep(id, orgCode, siteCode, asAt, beds, discharge, longStay, respiratory, staffAbsencePct,
        ambulance, aeDiverts, mortuary, comments, supersedes);
  }
}
