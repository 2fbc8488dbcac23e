package org.goldcommand.events.status;

import java.time.Instant;

/**
 * What Gold Command knows about one organisation's feed: when data last arrived, for when, and how
 * much was accepted and rejected today. Published on {@code feeds.status.v1} for the wall.
 *
 * @param orgCode the organisation
 * @param systemCode the system it belongs to, so the wall can show one system's feeds
 * @param feed the feed name
 * @param lastReceivedAt when an accepted record last arrived
 * @param lastBusinessTime the business time of the newest accepted record
 * @param acceptedToday records accepted since midnight UTC
 * @param rejectedToday submissions rejected since midnight UTC
 * @param lastRejectedAt when a submission was last rejected
 * @param lastRejection why it was last rejected
 * @param day the UTC day the counts are for
 */
public record FeedStatus(
    String orgCode, String systemCode, String feed, Instant lastReceivedAt, Instant lastBusinessTime, long acceptedToday,
    long rejectedToday, Instant lastRejectedAt, String lastRejection, java.time.LocalDate day) {}
