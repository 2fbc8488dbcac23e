package org.goldcommand.ingest.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;

/**
 * Bridges Kafka's acknowledgement back onto the Vert.x context: the send itself runs on a worker
 * (it may block while the producer fetches metadata), and the answer to the submitter is written
 * on the event loop once Kafka has acknowledged.
 */
public final class Acknowledgement {

  private Acknowledgement() {}

  /** Runs the send off the event loop and completes when Kafka has acknowledged every record. */
  public static <T> Future<T> of(Vertx vertx, Supplier<CompletableFuture<T>> send) {
    var context = vertx.getOrCreateContext();
    return vertx.executeBlocking(send::get, false)
        .compose(pending -> Future.fromCompletionStage(pending, context));
  }
}
