package org.goldcommand.streams.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldcommand.events.pressure.SystemPressure.TrustPart;
import org.junit.jupiter.api.Test;

class SystemScoringTest {

  @Test
  void aLargeTrustWeighsMoreAndOneAtOpelFourIsNeverAveragedAway() {
    List<TrustPart> trusts = List.of(new TrustPart("BIG", 20.0, 1, 900), new TrustPart("SMALL", 80.0, 4, 100));
    assertThat(SystemScoring.weightedScore(trusts)).isEqualTo(26.0);
    assertThat(SystemScoring.highestLevel(trusts)).isEqualTo(4);
    assertThat(SystemScoring.weightedScore(List.of())).isNull();
    assertThat(SystemScoring.highestLevel(List.of())).isNull();
  }

  @Property
  void theSystemScoreLiesBetweenItsTrustsScores(@ForAll("trusts") List<TrustPart> trusts) {
    double min = trusts.stream().mapToDouble(TrustPart::score).min().orElseThrow();
    double max = trusts.stream().mapToDouble(TrustPart::score).max().orElseThrow();
    assertThat(SystemScoring.weightedScore(trusts)).isBetween(min - 0.05, max + 0.05);
    assertThat(SystemScoring.highestLevel(trusts))
        .isEqualTo(trusts.stream().mapToInt(TrustPart::opelLevel).max().orElseThrow());
  }

  @Provide
  Arbitrary<List<TrustPart>> trusts() {
    Arbitrary<TrustPart> one = Combinators.combine(Arbitraries.strings().alpha().ofLength(3),
        Arbitraries.doubles().between(0, 100).ofScale(1), Arbitraries.integers().between(1, 4),
        Arbitraries.integers().between(1, 2_000)).as(TrustPart::new);
    return one.list().ofMinSize(1).ofMaxSize(12);
  }
}
