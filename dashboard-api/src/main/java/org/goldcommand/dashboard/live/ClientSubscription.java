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

  /** The most {@code updates} messages a batched subscription is written in one period. */
  static final int MESSAGES_PER_PERIOD = 2;

  private final LiveChannel channel;
  private final ServerWebSocket socket;
  private final Predicate<JsonObject> filter;
  private final boolean batched;
  private final LiveMetrics metrics;
  private final Map<String, LiveChannel.Update> pending = new LinkedHashMap<>();
  /**
   * The changes a batched subscription takes from a period: those its filter and scope pass and
   * that came after its snapshot or replay (a period under way when it subscribed holds earlier
   * changes it already has).
   */
  private final Predicate<LiveChannel.Update> wanted;

  ClientSubscription(LiveChannel channel, ServerWebSocket socket, Predicate<JsonObject> filter, boolean batched,
      LiveMetrics metrics) {
    this.channel = channel;
    this.socket = socket;
    this.filter = filter;
    this.batched = batched;
    this.metrics = metrics;
    long subscribedAt = channel.seq();
    this.wanted = update -> update.seq() > subscribedAt && filter.test(update.data());
  }

  @Override
  public void deliver(LiveChannel.Update update) {
    if (closing() || !filter.test(update.data())) {
      return;
    }
    if (mustHoldBack()) {
      holdBack(update);
      return;
    }
    writeLive(update.frame(), List.of(update));
  }

  /**
   * Takes a batching period's changes: at most {@value #MESSAGES_PER_PERIOD} messages are written,
   * while the socket has room; the rest is held back and goes out in the next periods. A period
   * holds more only in a burst or after the server fell behind, so this bounds the work of catching
   * up and keeps the server from pouring a stall's backlog into clients as far behind as it is.
   */
  void deliver(UpdateBatch batch) {
    if (closing()) {
      return;
    }
    if (!pending.isEmpty()) {
      batch.passing(wanted).forEach(this::holdBack);
      flush();
      return;
    }
    writeWithinBudget(batch.messagesFor(wanted));
  }

  /**
   * Writes held-back changes while the socket has room (batched: up to the period's budget); called
   * when the socket drains and, batched, every period while something is held back.
   */
  void flush() {
    if (closing()) {
      return;
    }
    if (batched) {
      if (!pending.isEmpty() && !socket.writeQueueFull()) {
        List<LiveChannel.Update> held = new ArrayList<>(pending.values());
        pending.clear();
        List<UpdateBatch.Message> first = UpdateBatch.messages(channel.name(), channel.epoch(), held,
            MESSAGES_PER_PERIOD);
        writeWithinBudget(first);
        held.subList(first.stream().mapToInt(m -> m.updates().size()).sum(), held.size()).forEach(this::holdBack);
      }
      return;
    }
    while (!pending.isEmpty() && !socket.writeQueueFull()) {
      var first = pending.entrySet().iterator().next();
      pending.remove(first.getKey());
      writeLive(first.getValue().frame(), List.of(first.getValue()));
    }
  }

  /**
   * Writes changes replayed for a resuming client (not timed: they reached the channel long ago):
   * one {@code update} each, or, batched, as {@code updates} messages within the period's budget,
   * the rest of a long replay held back like a slow client's backlog and sent over the next periods.
   */
  void replay(List<LiveChannel.Update> missed) {
    if (!batched) {
      metrics.pushed().increment(missed.size());
      missed.forEach(update -> socket.writeTextMessage(update.frame()));
      return;
    }
    int written = 0;
    for (UpdateBatch.Message message : UpdateBatch.messages(channel.name(), channel.epoch(), missed,
        MESSAGES_PER_PERIOD)) {
      socket.writeTextMessage(message.text());
      written += message.updates().size();
    }
    metrics.pushed().increment(written);
    missed.subList(written, missed.size()).forEach(this::holdBack);
  }

  private void writeWithinBudget(List<UpdateBatch.Message> messages) {
    for (int i = 0; i < messages.size(); i++) {
      if (i == MESSAGES_PER_PERIOD || socket.writeQueueFull()) {
        messages.subList(i, messages.size()).forEach(m -> m.updates().forEach(this::holdBack));
        return;
      }
      writeLive(messages.get(i).text(), messages.get(i).updates());
    }
  }

  /**
   * Whether the connection is closing: a close frame went one way or the other, but the close
   * handler that ends the session has not run yet. Vert.x refuses writes and queue checks then, and
   * nothing more is owed to the client; what it held back is counted dropped when the session ends.
   */
  private boolean closing() {
    return socket.isClosed();
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
