package org.goldcommand.bench;

/**
 * Checks one client's channel sequence numbers for loss. A subscriber that sees every change of a
 * channel gets its snapshot at sequence {@code s} and then updates {@code s+1, s+2, ...}; a missing
 * number is a change it never received (conflated away while it was slow, or lost). Not thread-safe:
 * one client's frames arrive on one event loop.
 */
final class FanOutSequence {

  private long last = -1;
  private long gaps;
  private long missing;
  private long outOfOrder;

  /** The snapshot's sequence number: updates continue from the next one. */
  void snapshot(long seq) {
    last = seq;
  }

  /** An update's sequence number. The first one seen without a snapshot starts the count. */
  void update(long seq) {
    if (last >= 0 && seq > last + 1) {
      gaps++;
      missing += seq - last - 1;
    } else if (last >= 0 && seq <= last) {
      outOfOrder++;
      return;
    }
    last = seq;
  }

  /** Runs of missing sequence numbers seen so far. */
  long gaps() {
    return gaps;
  }

  /** Sequence numbers skipped, over all gaps. */
  long missing() {
    return missing;
  }

  /** Updates whose sequence number was not above the last one (repeated or behind). */
  long outOfOrder() {
    return outOfOrder;
  }
}
