package org.goldcommand.streams.domain.ed;

import java.time.Duration;
import java.time.Instant;

/**
 * One emergency department's current counts and where they came from. A department may send both
 * snapshots and attendance events; the snapshot is its own statement of the whole picture, so it
 * is preferred while it is fresh, and the attendances carry on when the snapshots stop.
 *
 * @param siteCode the site
 * @param source which feed the counts came from
 * @param counts the counts
 * @param asAt business time of the counts
 */
public record SiteEd(String siteCode, Source source, EdCounts counts, Instant asAt) {

  /** The feed a site's ED counts came from. */
  public enum Source { SNAPSHOT, ATTENDANCES }

  /**
   * The figures a site shows: its latest snapshot while that is no more than {@code fresh} older than
   * anything newer the site has sent, else its attendances. Either may be null (never sent).
   */
  public static SiteEd choose(SiteEd snapshot, SiteEd attendances, Duration fresh) {
    if (snapshot == null) {
      return attendances;
    }
    if (attendances == null || !snapshot.asAt().isBefore(attendances.asAt().minus(fresh))) {
      return snapshot;
    }
    return attendances;
  }
}
