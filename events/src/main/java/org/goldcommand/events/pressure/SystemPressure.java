package org.goldcommand.events.pressure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A system's (ICS's) pressure, v1: the mean of its trusts' scores weighted by their G&amp;A core beds,
 * the level that score maps to, and the highest level any of its trusts is at ("any trust at OPEL
 * 4"), with each trust's part so the system banner can say which trusts carry it.
 *
 * @param systemCode the system (ICB code)
 * @param asAt business time of the newest trust score behind it
 * @param score bed-weighted mean of the scored trusts' scores, when any is scored
 * @param opelLevel the level of that score under the trusts' scoring table
 * @param highestTrustLevel the highest OPEL level among its trusts
 * @param trusts each scored trust's score, level and weight
 * @param tableVersion the scoring table behind the trust scores
 * @param trend how the score has moved over the last 2 and 4 hours, once there is history
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemPressure(String systemCode, Instant asAt, Double score, Integer opelLevel,
    Integer highestTrustLevel, List<TrustPart> trusts, String tableVersion, Trend trend) {

  public SystemPressure {
    trusts = List.copyOf(trusts);
  }

  /**
   * One trust's part in the system score.
   *
   * @param orgCode the trust
   * @param score its score
   * @param opelLevel its level
   * @param gaCoreBeds its weight
   */
  public record TrustPart(String orgCode, double score, int opelLevel, int gaCoreBeds) {}

  /**
   * How the system score has moved: the change since the score 2 and 4 hours before (by business
   * time), and whether it is rising fast by the scoring table's rule. A change is absent until
   * there is a score that old to compare with.
   *
   * @param change2h score now minus the score 2 hours ago
   * @param change4h score now minus the score 4 hours ago
   * @param risingFast whether the 2-hour rise reaches the table's "rising fast" points
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Trend(Double change2h, Double change4h, boolean risingFast) {}
}
