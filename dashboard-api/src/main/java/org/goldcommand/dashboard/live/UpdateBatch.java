package org.goldcommand.dashboard.live;

import io.vertx.core.json.Json;
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
 *
 * <p>A period's changes go out in messages of at most about {@value #MESSAGE_CHARS} characters
 * (one WebSocket frame at Vert.x's default frame size), more than one if need be. Writing message by
 * message, a subscription stops as soon as its socket's queue is full and holds the rest back
 * (conflated), so however long a stall made a period, a slow client is never handed more than one
 * message beyond its queue's limit.
 */
public final class UpdateBatch {

  /**
   * One {@code updates} message.
   *
   * @param text the wire message
   * @param updates the changes in it, in sequence order
   */
  public record Message(String text, List<LiveChannel.Update> updates) {}

  /** A message's size past which no further change is added to it. */
  static final int MESSAGE_CHARS = 60_000;

  private final String channel;
  private final String epoch;
  private final List<LiveChannel.Update> updates;
  private final Map<BitSet, List<Message>> encoded = new HashMap<>();

  /** @param updates the period's changes, in sequence order */
  UpdateBatch(String channel, String epoch, List<LiveChannel.Update> updates) {
    this.channel = channel;
    this.epoch = epoch;
    this.updates = List.copyOf(updates);
  }

  /** The messages for a client that wants these changes, in order; none when it wants none. */
  List<Message> messagesFor(Predicate<LiveChannel.Update> wanted) {
    BitSet chosen = new BitSet(updates.size());
    for (int i = 0; i < updates.size(); i++) {
      if (wanted.test(updates.get(i))) {
        chosen.set(i);
      }
    }
    if (chosen.isEmpty()) {
      return List.of();
    }
    return encoded.computeIfAbsent(chosen, this::encode);
  }

  /** The changes of this batch a client wants, in sequence order. */
  List<LiveChannel.Update> passing(Predicate<LiveChannel.Update> wanted) {
    return updates.stream().filter(wanted).toList();
  }

  private List<Message> encode(BitSet chosen) {
    List<LiveChannel.Update> included = new ArrayList<>(chosen.cardinality());
    chosen.stream().forEach(i -> included.add(updates.get(i)));
    return messages(channel, epoch, included);
  }

  /**
   * The {@code updates} messages holding these changes, in order, each of at most about
   * {@value #MESSAGE_CHARS} characters (or a single change, if that alone is longer).
   */
  public static List<Message> messages(String channel, String epoch, List<LiveChannel.Update> included) {
    return messages(channel, epoch, included, Integer.MAX_VALUE);
  }

  /** The first {@code limit} of the {@code updates} messages holding these changes. */
  static List<Message> messages(String channel, String epoch, List<LiveChannel.Update> included, int limit) {
    List<Message> messages = new ArrayList<>();
    int from = 0;
    int chars = 0;
    for (int i = 0; i < included.size(); i++) {
      int length = included.get(i).item().length() + 1;
      if (i > from && chars + length > MESSAGE_CHARS) {
        messages.add(message(channel, epoch, included.subList(from, i)));
        if (messages.size() == limit) {
          return messages;
        }
        from = i;
        chars = 0;
      }
      chars += length;
    }
    if (from < included.size()) {
      messages.add(message(channel, epoch, included.subList(from, included.size())));
    }
    return messages;
  }

  /**
   * The {@code updates} message holding these changes (at least one): the channel, its epoch, the
   * sequence number of the last change (the one to resume from) and the changes as {@code items},
   * each {@code {"seq","key","data"}} as in an {@code update} message.
   */
  static Message message(String channel, String epoch, List<LiveChannel.Update> included) {
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
    return new Message(text.append("]}").toString(), List.copyOf(included));
  }
}
