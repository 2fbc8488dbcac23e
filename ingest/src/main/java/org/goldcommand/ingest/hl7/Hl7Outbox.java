package org.goldcommand.ingest.hl7;

import io.vertx.core.Future;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.status.Rejection;

/**
 * Where the listener's output goes: Kafka in service ({@link KafkaOutbox}), a fake in unit tests
 * so the whole message pipeline can be exercised without a broker.
 */
interface Hl7Outbox {

  /** Completes once the event is durably stored; fails when it cannot be. Must not block. */
  Future<Void> store(String siteCode, Envelope<BedEvent> event);

  /** Records a refused message for feed status; fire and forget. Must not block. */
  void reject(Rejection rejection);
}
