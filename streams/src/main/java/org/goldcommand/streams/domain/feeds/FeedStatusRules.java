package org.goldcommand.streams.domain.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.goldcommand.events.status.FeedStatus;

/**
 * How a feed's status moves with each activity: counts run per UTC day and start again at
 * midnight; the last arrival and the newest business time only ever move forward, so a late or
 * replayed record cannot make a feed look fresher or staler than it is.
 */
public final class FeedStatusRules {

  private FeedStatusRules() {}

  /** The status after the activity; {@code current} may be null for a feed not seen before. */
  public static FeedStatus apply(FeedStatus current, FeedActivity activity) {
    LocalDate day = LocalDate.ofInstant(activity.at(), ZoneOffset.UTC);
    FeedStatus base = current == null
        ? new FeedStatus(activity.orgCode(), activity.systemCode(), activity.feed(), null, null, 0, 0, null, null, day) : current;
    boolean newDay = base.day() == null || day.isAfter(base.day());
    boolean staleDay = base.day() != null && day.isBefore(base.day());
    long accepted = newDay ? 0 : base.acceptedToday();
    long rejected = newDay ? 0 : base.rejectedToday();
    LocalDate statusDay = newDay ? day : base.day();
    if (activity.rejection() == null) {
      return new FeedStatus(base.orgCode(), base.systemCode(), base.feed(), later(base.lastReceivedAt(), activity.at()),
          later(base.lastBusinessTime(), activity.businessTime()), staleDay ? accepted : accepted + 1, rejected,
          base.lastRejectedAt(), base.lastRejection(), statusDay);
    }
    boolean newest = base.lastRejectedAt() == null || !activity.at().isBefore(base.lastRejectedAt());
    return new FeedStatus(base.orgCode(), base.systemCode(), base.feed(), base.lastReceivedAt(), base.lastBusinessTime(), accepted,
        staleDay ? rejected : rejected + 1, newest ? activity.at() : base.lastRejectedAt(),
        newest ? activity.rejection() : base.lastRejection(), statusDay);
  }

  /**
   * The status after a batch: the status that {@link #apply} made from one day's activities of the
   * feed, starting from nothing. Folding the batches in gives the status folding their activities in
   * one by one would have, so activities can be combined where they arrive and sent on as one.
   */
  public static FeedStatus merge(FeedStatus current, FeedStatus batch) {
    if (current == null) {
      return batch;
    }
    boolean newDay = current.day() == null || batch.day().isAfter(current.day());
    boolean staleDay = current.day() != null && batch.day().isBefore(current.day());
    long accepted = newDay ? batch.acceptedToday() : staleDay ? current.acceptedToday()
        : current.acceptedToday() + batch.acceptedToday();
    long rejected = newDay ? batch.rejectedToday() : staleDay ? current.rejectedToday()
        : current.rejectedToday() + batch.rejectedToday();
    boolean newerRejection = batch.lastRejectedAt() != null
        && (current.lastRejectedAt() == null || !batch.lastRejectedAt().isBefore(current.lastRejectedAt()));
    return new FeedStatus(current.orgCode(), current.systemCode(), current.feed(),
        later(current.lastReceivedAt(), batch.lastReceivedAt()), later(current.lastBusinessTime(),
        batch.lastBusinessTime()), accepted, rejected, newerRejection ? batch.lastRejectedAt() : current.lastRejectedAt(),
        newerRejection ? batch.lastRejection() : current.lastRejection(), newDay ? batch.day() : current.day());
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
