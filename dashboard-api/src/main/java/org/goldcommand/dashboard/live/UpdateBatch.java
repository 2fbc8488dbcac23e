package org.goldcommand.dashboard.live;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The changes one channel made in one batching period, for the clients that asked to receive
 * changes batched ({@code "batch":true}): each gets one {@code {"kind":"updates"}} message holding
 * every change its filter and scope let through, in sequence order. Clients that are let through
 * the same changes share one encoded message, so a thousand wall screens watching the same system
 * cost one encoding per period, not a thousand, and the server and every client handle one frame a
 * period instead of one per change.
 */
public final class UpdateBatch {

  /**
   * One {@code updates} message.
   *
   * @param text the wire message
   * @param updates the changes in it, in sequence order
   */
  public record Message(String text, List<LiveChannel.Update> updates) {}

  private final String channel;
  private final String epoch;
  private final List<LiveChannel.Update> updates;
  private final Map<BitSet, Message> encoded = new HashMap<>();

  /** @param updates the period's changes, in sequence order */
  UpdateBatch(String channel, String epoch, List<LiveChannel.Update> updates) {
    this.channel = channel;
    this.epoch = epoch;
    this.updates = List.copyOf(updates);
  }

  /** The message for a client with this filter, or null when none of the changes passes it. */
  Message messageFor(Predicate<JsonObject> filter) {
    BitSet chosen = new BitSet(updates.size());
    for (int i = 0; i < updates.size(); i++) {
      if (filter.test(updates.get(i).data())) {
        chosen.set(i);
      }
    }
    if (chosen.isEmpty()) {
      return null;
    }
    return encoded.computeIfAbsent(chosen, this::encode);
  }

  /** The changes of this batch that pass the filter, in sequence order. */
  List<LiveChannel.Update> passing(Predicate<JsonObject> filter) {
    return updates.stream().filter(u -> filter.test(u.data())).toList();
  }

  private Message encode(BitSet chosen) {
    List<LiveChannel.Update> included = new ArrayList<>(chosen.cardinality());
    chosen.stream().forEach(i -> included.add(updates.get(i)));
    return message(channel, epoch, included);
  }

  /**
   * The {@code updates} message holding these changes (at least one): the channel, its epoch, the
   * sequence number of the last change (the one to resume from) and the changes as {@code items},
   * each {@code {"seq","key","data"}} as in an {@code update} message.
   */
  public static Message message(String channel, String epoch, List<LiveChannel.Update> included) {
    int length = included.stream().mapToInt(u -> u.item().length() + 1).sum() + 128;
    StringBuilder text = new StringBuilder(length).append("{\"channel\":").append(Json.encode(channel))
        .append(",\"kind\":\"updates\",\"epoch\":").append(Json.encode(epoch))
        .append(",\"seq\":").append(included.get(included.size() - 1).seq()).append(",\"items\":[");
    for (int i = 0; i < included.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(included.get(i).item());
    }
    return new Message(text.append("]}").toString(), included);
  }
}
