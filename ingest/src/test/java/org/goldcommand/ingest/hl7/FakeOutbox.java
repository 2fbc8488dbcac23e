package org.goldcommand.ingest.hl7;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.status.Rejection;

/** An outbox the test controls: it stores at once, holds each send until released, or fails. */
final class FakeOutbox implements Hl7Outbox {

  enum Mode { STORE, HOLD, FAIL }

  final List<Envelope<BedEvent>> attempts = new CopyOnWriteArrayList<>();
  final List<Envelope<BedEvent>> stored = new CopyOnWriteArrayList<>();
  final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
  volatile Mode mode = Mode.STORE;

  @Override
  public Future<Void> store(String siteCode, Envelope<BedEvent> event) {
    attempts.add(event);
    switch (mode) {
      case FAIL:
        return Future.failedFuture(new IllegalStateException("broker down"));
      case HOLD:
        Context context = Vertx.currentContext();
        Promise<Void> promise = Promise.promise();
        held.add(() -> context.runOnContext(v -> {
          stored.add(event);
          promise.complete();
        }));
        return promise.future();
      default:
        stored.add(event);
        return Future.succeededFuture();
    }
  }

  @Override
  public void reject(Rejection rejection) {
    rejections.add(rejection);
  }
}
