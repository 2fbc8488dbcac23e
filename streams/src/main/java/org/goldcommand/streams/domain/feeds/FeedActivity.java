package org.goldcommand.streams.domain.feeds;

import java.time.Instant;

/**
 * One thing that happened to an organisation's feed: a record accepted (with its business time) or
 * a submission refused (with the reason).
 *
 * @param orgCode the organisation
 * @param systemCode its system
 * @param feed the feed name
 * @param at when ingest received or refused it
 * @param businessTime for an accepted record, when its figures were true; null for a refusal
 * @param rejection for a refusal, why; null for an accepted record
 */
public record FeedActivity(String orgCode, String systemCode, String feed, Instant at, Instant businessTime, String rejection) {

  /** A record accepted. */
  public static FeedActivity accepted(String orgCode, String systemCode, String feed, Instant at, Instant businessTime) {
    return new FeedActivity(orgCode, systemCode, feed, at, businessTime, null);
  }

  /** A submission refused. */
  public static FeedActivity refused(String orgCode, String systemCode, String feed, Instant at, String reason) {
    return new FeedActivity(orgCode, systemCode, feed, at, null, reason);
  }

  /** The key feed status is kept under. */
  public String statusKey() {
    return orgCode + "/" + feed;
  }
}
