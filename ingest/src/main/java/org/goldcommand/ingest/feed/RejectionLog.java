package org.goldcommand.ingest.feed;

import java.time.Clock;
import org.goldcommand.events.status.Rejection;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every refused submission on {@code feeds.rejection.v1} so feed status can show which
 * organisations are sending bad data. Best effort: a lost rejection record costs a count on the
 * wall, never a submission, so nobody waits for it.
 */
public final class RejectionLog {

  private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);

  private final FeedProducer producer;
  private final Clock clock;

  public RejectionLog(FeedProducer producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  /** Records a refusal; call off the event loop (the producer may block on metadata). */
  public void record(String orgCode, String feed, String status, String reason) {
    if (orgCode == null) {
      return;
    }
    producer.send(Topics.REJECTIONS, orgCode, new Rejection(orgCode, feed, clock.instant(), status, reason))
        .whenComplete((ack, error) -> {
          if (error != null) {
            LOG.debug("Could not record a rejection for {} {}: {}", orgCode, feed, error.toString());
          }
        });
  }
}
