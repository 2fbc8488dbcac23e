package org.goldcommand.dashboard.live;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live channel (for example {@code pressure.trust}): the latest value per key, a sequence
 * number that rises with every change, and a bounded history of recent changes so a client that
 * reconnects can resume from the last sequence it saw instead of reloading everything.
 *
 * <p>Confined to one Vert.x context: every method must be called on that context's thread, so no
 * locking is needed and message order is the order changes were applied.
 */
public final class LiveChannel {

  private static final Logger LOG = LoggerFactory.getLogger(LiveChannel.class);

  private final String name;
  private final int historySize;
  private final Map<String, JsonObject> latest = new LinkedHashMap<>();
  private final Deque<Update> recent = new ArrayDeque<>();
  private final Set<ChannelSubscriber> subscribers = new CopyOnWriteArraySet<>();
  private final Set<ClientSubscription> batchSubscribers = new CopyOnWriteArraySet<>();
  private final List<Update> sinceLastBatch = new ArrayList<>();
  private final String epoch = UUID.randomUUID().toString();
  /** How every {@code update} message starts, before the change's own fields. */
  private final String updatePrefix;
  private long seq;

  public LiveChannel(String name, int historySize) {
    this.name = name;
    this.historySize = historySize;
    this.updatePrefix = "{\"channel\":" + Json.encode(name) + ",\"kind\":\"update\",\"epoch\":" + Json.encode(epoch)
        + ",";
  }

  /**
   * One change: the sequence it was given, the key, the new value, when (by {@link System#nanoTime})
   * it reached this channel, from which push latency is measured, and its wire forms, encoded once
   * however many clients it is written to: {@code item} ({@code {"seq","key","data"}}, as it appears
   * in an {@code updates} batch) and {@code frame} (the {@code update} message).
   */
  public record Update(long seq, String key, JsonObject data, long publishedNanos, String item, String frame) {}

  public String name() {
    return name;
  }

  /** The sequence number of the latest change (0 before any). */
  public long seq() {
    return seq;
  }

  /**
   * This channel's numbering: sequence numbers count from this process's start, so a client
   * resuming with a sequence from another epoch (a restart, another instance) gets a snapshot.
   */
  public String epoch() {
    return epoch;
  }

  /** Applies a change and pushes it to every subscriber. */
  public void publish(String key, JsonObject data) {
    seq++;
    latest.put(key, data);
    long now = System.nanoTime();
    String item = new JsonObject().put("seq", seq).put("key", key).put("data", data).encode();
    String frame = new StringBuilder(updatePrefix.length() + item.length()).append(updatePrefix)
        .append(item, 1, item.length()).toString();
    Update update = new Update(seq, key, data, now, item, frame);
    recent.addLast(update);
    if (recent.size() > historySize) {
      recent.removeFirst();
    }
    subscribers.forEach(s -> isolated(s, () -> s.deliver(update)));
    if (!batchSubscribers.isEmpty()) {
      sinceLastBatch.add(update);
    }
  }

  /**
   * Ends a batching period: the changes since the last one go to every subscriber that asked for
   * batches, as one message each (shared between subscribers that see the same changes). In a
   * period without changes, what was held back for a subscriber goes out instead.
   */
  public void endBatch() {
    if (sinceLastBatch.isEmpty()) {
      batchSubscribers.forEach(s -> isolated(s, s::flush));
      return;
    }
    UpdateBatch batch = new UpdateBatch(name, epoch, sinceLastBatch);
    sinceLastBatch.clear();
    batchSubscribers.forEach(s -> isolated(s, () -> s.deliver(batch)));
  }

  /** Runs one subscriber's delivery so that its failure is logged and never keeps a change from the others. */
  private void isolated(ChannelSubscriber subscriber, Runnable delivery) {
    try {
      delivery.run();
    } catch (RuntimeException e) {
      LOG.warn("Delivery on {} to {} failed; the other subscribers were served", name, subscriber, e);
    }
  }

  /** The snapshot message for a filter: every matching key's latest value. */
  public JsonObject snapshot(Predicate<JsonObject> filter) {
    JsonArray items = new JsonArray();
    latest.forEach((key, data) -> {
      if (filter.test(data)) {
        items.add(new JsonObject().put("key", key).put("data", data));
      }
    });
    return new JsonObject().put("channel", name).put("kind", "snapshot").put("epoch", epoch).put("seq", seq)
        .put("items", items);
  }

  /**
   * The changes after {@code fromSeq}, if every one of them is still held; empty when the client is
   * too far behind and must take a snapshot instead.
   */
  public java.util.Optional<List<Update>> since(long fromSeq) {
    if (fromSeq > seq) {
      return java.util.Optional.empty();
    }
    long oldestHeld = recent.isEmpty() ? seq + 1 : recent.peekFirst().seq();
    if (fromSeq + 1 < oldestHeld) {
      return java.util.Optional.empty();
    }
    List<Update> missed = new ArrayList<>();
    for (Update u : recent) {
      if (u.seq() > fromSeq) {
        missed.add(u);
      }
    }
    return java.util.Optional.of(missed);
  }

  /** Every key's latest value, in the order the keys first appeared; a read-only view. */
  public java.util.Collection<JsonObject> values() {
    return java.util.Collections.unmodifiableCollection(latest.values());
  }

  /**
   * Removes the keys whose latest value should no longer be in snapshots (for example alerts
   * resolved long ago), returning how many went. Clients already subscribed keep what they were
   * sent; the next change of a removed key brings it back.
   */
  public int forget(Predicate<JsonObject> gone) {
    int before = latest.size();
    latest.values().removeIf(gone);
    return before - latest.size();
  }

  void subscribe(ChannelSubscriber subscriber) {
    subscribers.add(subscriber);
  }

  /** Subscribes a client that takes changes batched, one message per batching period. */
  void subscribeBatched(ClientSubscription subscriber) {
    batchSubscribers.add(subscriber);
  }

  void unsubscribe(ChannelSubscriber subscriber) {
    subscribers.remove(subscriber);
    batchSubscribers.remove(subscriber);
  }
}
