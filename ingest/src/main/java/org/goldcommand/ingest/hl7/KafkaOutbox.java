package org.goldcommand.ingest.hl7;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.status.Rejection;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.ingest.kafka.Acknowledgement;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bed events to {@code feeds.bed-event.v1} keyed by site, completing only on Kafka's
 * acknowledgement; refusals to {@code feeds.rejection.v1} keyed by organisation, without waiting.
 * Sends run on a worker, since the producer may block while it fetches metadata.
 */
final class KafkaOutbox implements Hl7Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaOutbox.class);

  private final Vertx vertx;
  private final FeedProducer producer;

  KafkaOutbox(Vertx vertx, FeedProducer producer) {
    this.vertx = vertx;
    this.producer = producer;
  }

  @Override
  public Future<Void> store(String siteCode, Envelope<BedEvent> event) {
    return Acknowledgement.of(vertx, () -> producer.send(Topics.BED_EVENTS, siteCode, event)).mapEmpty();
  }

  @Override
  public void reject(Rejection rejection) {
    vertx.executeBlocking(() -> producer.send(Topics.REJECTIONS, rejection.orgCode(), rejection)
        .whenComplete((stored, error) -> {
          if (error != null) {
            LOG.debug("Rejection for {} not recorded: {}", rejection.orgCode(), error.toString());
          }
        }), false);
  }
}
