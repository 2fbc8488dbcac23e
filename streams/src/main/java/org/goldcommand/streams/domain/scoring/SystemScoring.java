package org.goldcommand.streams.domain.scoring;

import java.util.Collection;
import org.goldcommand.events.pressure.SystemPressure.TrustPart;

/**
 * A system's pressure from its trusts': the mean of their scores weighted by G&amp;A core beds (a
 * large trust under pressure weighs more than a small one), and the highest trust level, so one
 * trust at OPEL 4 is never averaged away.
 */
public final class SystemScoring {

  private SystemScoring() {}

  /** The bed-weighted mean score, or null when no trust is scored or none has beds. */
  public static Double weightedScore(Collection<TrustPart> trusts) {
    double beds = trusts.stream().mapToDouble(TrustPart::gaCoreBeds).sum();
    if (trusts.isEmpty() || beds <= 0) {
      return null;
    }
    double weighted = trusts.stream().mapToDouble(t -> t.score() * t.gaCoreBeds()).sum() / beds;
    return Math.round(weighted * 10) / 10.0;
  }

  /** The highest level among the trusts, or null when none is scored. */
  public static Integer highestLevel(Collection<TrustPart> trusts) {
    return trusts.stream().mapToInt(TrustPart::opelLevel).max().stream().boxed().findFirst().orElse(null);
  }
}
