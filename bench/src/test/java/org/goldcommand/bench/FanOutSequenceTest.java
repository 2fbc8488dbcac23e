package org.goldcommand.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FanOutSequenceTest {

  @Test
  void updatesFollowingTheSnapshotOneByOneHaveNoGaps() {
    FanOutSequence sequence = new FanOutSequence();
    sequence.snapshot(10);
    for (long seq = 11; seq <= 20; seq++) {
      sequence.update(seq);
    }

    assertThat(sequence.gaps()).isZero();
    assertThat(sequence.missing()).isZero();
    assertThat(sequence.outOfOrder()).isZero();
  }

  @Test
  void countsEachRunOfMissingNumbersAndHowManyWentMissing() {
    FanOutSequence sequence = new FanOutSequence();
    sequence.snapshot(0);
    sequence.update(1);
    sequence.update(4);
    sequence.update(5);
    sequence.update(9);

    assertThat(sequence.gaps()).isEqualTo(2);
    assertThat(sequence.missing()).isEqualTo(5);
  }

  @Test
  void aGapRightAfterTheSnapshotCounts() {
    FanOutSequence sequence = new FanOutSequence();
    sequence.snapshot(7);
    sequence.update(9);

    assertThat(sequence.gaps()).isEqualTo(1);
    assertThat(sequence.missing()).isEqualTo(1);
  }

  @Test
  void repeatedOrEarlierNumbersAreOutOfOrderAndDoNotMoveTheCount() {
    FanOutSequence sequence = new FanOutSequence();
    sequence.snapshot(0);
    sequence.update(1);
    sequence.update(2);
    sequence.update(2);
    sequence.update(1);
    sequence.update(3);

    assertThat(sequence.outOfOrder()).isEqualTo(2);
    assertThat(sequence.gaps()).isZero();
  }

  @Test
  void withoutASnapshotTheFirstUpdateStartsTheCount() {
    FanOutSequence sequence = new FanOutSequence();
    sequence.update(500);
    sequence.update(501);

    assertThat(sequence.gaps()).isZero();
  }
}
