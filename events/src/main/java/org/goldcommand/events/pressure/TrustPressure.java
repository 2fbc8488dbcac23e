package org.goldcommand.events.pressure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A trust's current pressure, v1 (contract: {@code schemas/trust-pressure.v1.json}). It always
 * carries the measures it was derived from, each with its own business time, so the wall can say
 * why a trust is where it is and how old that knowledge is. {@code score}, {@code opelLevel} and
 * {@code tableVersion} are filled once a scoring table is applied.
 *
 * @param orgCode the trust
 * @param orgName the trust's display name from reference data
 * @param systemCode the integrated care system it belongs to
 * @param asAt business time of the newest input
 * @param measures the derived figures
 * @param score 0-100 pressure score, when scored
 * @param opelLevel OPEL level 1-4, when scored
 * @param tableVersion the scoring table version that produced the score
 * @param completeness the share (0-1) of the table's weight that had fresh data, when scored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrustPressure(
    String orgCode,
    String orgName,
    String systemCode,
    Instant asAt,
    List<Measure> measures,
    Double score,
    Integer opelLevel,
    String tableVersion,
    Double completeness) {

  public TrustPressure {
    measures = List.copyOf(measures);
  }

  /** Pressure that has not been scored. */
  public TrustPressure(String orgCode, String orgName, String systemCode, Instant asAt, List<Measure> measures,
      Double score, Integer opelLevel, String tableVersion) {
    this(orgCode, orgName, systemCode, asAt, measures, score, opelLevel, tableVersion, null);
  }

  /** The measure with this name, if present. */
  public Optional<Measure> measure(String name) {
    return measures.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
