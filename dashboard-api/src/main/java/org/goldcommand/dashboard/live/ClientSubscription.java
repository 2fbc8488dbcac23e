package org.goldcommand.dashboard.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One WebSocket client's subscription to one channel. While the client keeps up, every change is
 * written as it happens, or, if the client asked for batches, once per batching period as one
 * {@code updates} message. When its socket's write queue is full, changes are conflated: only the
 * latest value per key is kept (memory bounded by the number of keys) and flushed when the socket
 * drains, so a slow wall screen shows current figures and never holds up a fast one.
 */
final class ClientSubscription implements ChannelSubscriber {

  private final LiveChannel channel;
  private final ServerWebSocket socket;
  private final Predicate<JsonObject> filter;
  private final boolean batched;
  private final LiveMetrics metrics;
  private final Map<String, LiveChannel.Update> pending = new LinkedHashMap<>();

  ClientSubscription(LiveChannel channel, ServerWebSocket socket, Predicate<JsonObject> filter, boolean batched,
      LiveMetrics metrics) {
    this.channel = channel;
    this.socket = socket;
    this.filter = filter;
    this.batched = batched;
    this.metrics = metrics;
  }

  @Override
  public void deliver(LiveChannel.Update update) {
    if (batched || !filter.test(update.data())) {
      return;
    }
    if (mustHoldBack()) {
      holdBack(update);
      return;
    }
    writeLive(update.frame(), List.of(update));
  }

  /** Takes a batching period's changes: one message if the client keeps up, else held back. */
  void deliver(UpdateBatch batch) {
    if (mustHoldBack()) {
      batch.passing(filter).forEach(this::holdBack);
      return;
    }
    UpdateBatch.Message message = batch.messageFor(filter);
    if (message != null) {
      writeLive(message.text(), message.updates());
    }
  }

  /** Writes held-back changes while the socket has room; called when the socket drains. */
  void flush() {
    if (batched && !pending.isEmpty() && !socket.writeQueueFull()) {
      List<LiveChannel.Update> held = new ArrayList<>(pending.values());
      pending.clear();
      writeLive(UpdateBatch.message(channel.name(), channel.epoch(), held).text(), held);
    }
    while (!pending.isEmpty() && !socket.writeQueueFull()) {
      var first = pending.entrySet().iterator().next();
      pending.remove(first.getKey());
      writeLive(first.getValue().frame(), List.of(first.getValue()));
    }
  }

  /**
   * Writes changes replayed for a resuming client, as one {@code updates} message if it takes
   * batches, else one {@code update} each (not timed: they reached the channel long ago).
   */
  void replay(List<LiveChannel.Update> missed) {
    if (missed.isEmpty()) {
      return;
    }
    metrics.pushed().increment(missed.size());
    if (batched) {
      socket.writeTextMessage(UpdateBatch.message(channel.name(), channel.epoch(), missed).text());
    } else {
      missed.forEach(update -> socket.writeTextMessage(update.frame()));
    }
  }

  private boolean mustHoldBack() {
    return !pending.isEmpty() || socket.writeQueueFull();
  }

  private void holdBack(LiveChannel.Update update) {
    // Re-insert rather than replace, so held-back changes go out in sequence order.
    if (pending.remove(update.key()) != null) {
      metrics.conflated().increment();
    }
    pending.put(update.key(), update);
  }

  private void writeLive(String message, List<LiveChannel.Update> updates) {
    socket.writeTextMessage(message);
    metrics.pushed().increment(updates.size());
    long now = System.nanoTime();
    for (LiveChannel.Update update : updates) {
      metrics.pushLatency().record(now - update.publishedNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Forgets the changes still held back (the client is going away), counting them as dropped. */
  void drop() {
    metrics.dropped().increment(pending.size());
    pending.clear();
  }

  LiveChannel channel() {
    return channel;
  }

  boolean batched() {
    return batched;
  }
}
