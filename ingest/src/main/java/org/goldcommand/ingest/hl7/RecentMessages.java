package org.goldcommand.ingest.hl7;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The control ids stored lately, so that a message re-sent after a lost ACK is acknowledged again
 * without a second copy reaching Kafka, and a control id re-used for a different message is caught
 * rather than silently de-duplicated away downstream. A re-send that arrives while the first copy
 * is still on its way to Kafka waits for that send's outcome. Bounded: older ids are forgotten, and
 * after a restart a re-send is stored again under the same event id, which consumers de-duplicate.
 */
final class RecentMessages {

  private final Map<String, Integer> stored;
  private final Map<String, Future<Void>> inFlight = new HashMap<>();

  RecentMessages(int capacity) {
    this.stored = new LinkedHashMap<>(1_024, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Stores a message unless this id was stored already: completes when it is stored (now or
   * before); fails with a duplicate-key problem when the id was stored for a different message
   * ({@code digest} differs), or with the send's failure.
   */
  Future<Void> store(String id, int digest, Supplier<Future<Void>> send) {
    Promise<Void> mine;
    synchronized (this) {
      Future<Void> pending = inFlight.get(id);
      if (pending != null) {
        return pending.transform(ignored -> store(id, digest, send));
      }
      Integer known = stored.get(id);
      if (known != null) {
        return known == digest ? Future.succeededFuture() : Future.failedFuture(Hl7Problem.error(
            Hl7Problem.DUPLICATE_KEY, "MSH", 10, "MSH-10 control id " + id
                + " was already used for a different message; give every message its own control id"));
      }
      mine = Promise.promise();
      inFlight.put(id, mine.future());
    }
    Future<Void> sent;
    try {
      sent = send.get();
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    sent.onComplete(result -> {
      synchronized (this) {
        inFlight.remove(id);
        if (result.succeeded()) {
          stored.put(id, digest);
        }
      }
      mine.handle(result);
    });
    return mine.future();
  }
}
