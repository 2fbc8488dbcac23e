package org.goldcommand.streams.domain.scoring;

import java.time.Duration;
import java.util.List;

/**
 * A versioned pressure scoring table: which parameters count, the bands that turn each value into
 * a level 1-4, their weights, how old data may be, and the score thresholds of each OPEL level.
 * Data, never code: a system changes its thresholds by loading a new version.
 *
 * @param version named on every score made with it
 * @param note what the table is (for example, that it is illustrative)
 * @param levels score thresholds for OPEL 2, 3 and 4
 * @param parameters the parameters, each with its bands and weight
 * @param trend when a system's rise counts as fast; absent, no trend is ever flagged
 */
public record ScoringTable(String version, String note, Levels levels, List<Parameter> parameters, TrendRule trend) {

  public ScoringTable {
    parameters = List.copyOf(parameters);
  }

  /** Score thresholds: a score below {@code opel2} is OPEL 1, and so on. */
  public record Levels(double opel2, double opel3, double opel4) {

    /** The OPEL level of a score. */
    public int of(double score) {
      return score < opel2 ? 1 : score < opel3 ? 2 : score < opel4 ? 3 : 4;
    }
  }

  /**
   * When a system's score is rising fast.
   *
   * @param risingFastPoints a rise of at least this many points over 2 hours
   */
  public record TrendRule(double risingFastPoints) {}

  /** Whether a higher or a lower value is worse. */
  public enum Worse { HIGHER, LOWER }

  /**
   * One parameter.
   *
   * @param name stable machine name, matching the measure it scores
   * @param label what a person reads
   * @param unit the value's unit
   * @param worse which direction is worse
   * @param bands the three boundaries between levels 1|2, 2|3 and 3|4 (a value on a boundary takes
   *     the better level)
   * @param weight its weight in the score
   * @param staleAfter data older than this counts as missing
   */
  public record Parameter(String name, String label, String unit, Worse worse, List<Double> bands, double weight,
      Duration staleAfter) {

    public Parameter {
      bands = List.copyOf(bands);
      if (bands.size() != 3) {
        throw new IllegalArgumentException("Parameter " + name + " needs three band boundaries, has " + bands.size());
      }
      boolean ordered = worse == Worse.HIGHER
          ? bands.get(0) <= bands.get(1) && bands.get(1) <= bands.get(2)
          : bands.get(0) >= bands.get(1) && bands.get(1) >= bands.get(2);
      if (!ordered) {
        throw new IllegalArgumentException("Parameter " + name + "'s bands must run from better to worse");
      }
      if (weight <= 0) {
        throw new IllegalArgumentException("Parameter " + name + " needs a positive weight");
      }
    }

    /** The level 1-4 of a value. */
    public int level(double value) {
      for (int i = 0; i < 3; i++) {
        boolean within = worse == Worse.HIGHER ? value <= bands.get(i) : value >= bands.get(i);
        if (within) {
          return i + 1;
        }
      }
      return 4;
    }
  }
}
