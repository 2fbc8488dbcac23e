package org.goldcommand.dashboard.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One WebSocket client's subscription to one channel. While the client keeps up, every change is
 * written as it happens. When its socket's write queue is full, changes are conflated: only the
 * latest value per key is kept (memory bounded by the number of keys) and flushed when the socket
 * drains, so a slow wall screen shows current figures and never holds up a fast one.
 */
final class ClientSubscription implements ChannelSubscriber {

  private final LiveChannel channel;
  private final ServerWebSocket socket;
  private final Predicate<JsonObject> filter;
  private final LiveMetrics metrics;
  private final Map<String, LiveChannel.Update> pending = new LinkedHashMap<>();

  ClientSubscription(LiveChannel channel, ServerWebSocket socket, Predicate<JsonObject> filter, LiveMetrics metrics) {
    this.channel = channel;
    this.socket = socket;
    this.filter = filter;
    this.metrics = metrics;
  }

  @Override
  public void deliver(LiveChannel.Update update) {
    if (!filter.test(update.data())) {
      return;
    }
    if (!pending.isEmpty() || socket.writeQueueFull()) {
      // Re-insert rather than replace, so held-back changes go out in sequence order.
      if (pending.remove(update.key()) != null) {
        metrics.conflated().increment();
      }
      pending.put(update.key(), update);
      return;
    }
    writeLive(update);
  }

  /** Writes held-back changes while the socket has room; called when the socket drains. */
  void flush() {
    while (!pending.isEmpty() && !socket.writeQueueFull()) {
      var first = pending.entrySet().iterator().next();
      pending.remove(first.getKey());
      writeLive(first.getValue());
    }
  }

  /** Writes a change replayed for a resuming client (not timed: it reached the channel long ago). */
  void write(LiveChannel.Update update) {
    metrics.pushed().increment();
    socket.writeTextMessage(update.frame());
  }

  private void writeLive(LiveChannel.Update update) {
    write(update);
    metrics.pushLatency().record(System.nanoTime() - update.publishedNanos(), TimeUnit.NANOSECONDS);
  }

  /** Forgets the changes still held back (the client is going away), counting them as dropped. */
  void drop() {
    metrics.dropped().increment(pending.size());
    pending.clear();
  }

  LiveChannel channel() {
    return channel;
  }
}
