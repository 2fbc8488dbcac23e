package org.goldcommand.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the fan-out benchmark reads from one live WebSocket frame, found by searching its text
 * rather than decoding its JSON (1,000 clients at 200 updates a second are 200,000 changes a second,
 * and the clients share the machine with the server they measure): the frame's kind, the channel
 * sequence number, and for each change it carries, that change's sequence number and the
 * benchmark's own number for the update, which the producer writes into the trust pressure's
 * {@code tableVersion} as {@code bench#<n>}.
 *
 * <p>dashboard-api writes an update as
 * {@code {"channel":..,"kind":"update","epoch":..,"seq":N,"key":..,"data":{..,"tableVersion":"bench#n",..}}},
 * a batch as {@code {"channel":..,"kind":"updates","epoch":..,"seq":N,"items":[{"seq":..,"key":..,"data":{..}},..]}},
 * a snapshot with {@code "kind":"snapshot"} and its {@code "seq"}, and control messages as
 * {@code {"op":"heartbeat",..}} or {@code {"op":"error",..}}. The frame is read as ISO-8859-1, one
 * character per byte, so {@link String#indexOf} (vectorised) does the searching; the markers are
 * ASCII, so what they find is the same in UTF-8.
 *
 * @param kind what the frame is
 * @param seq the channel sequence number (updates, batches, snapshots), else -1
 * @param itemSeqs each carried change's sequence number, in order (one for an update)
 * @param itemUpdates each carried change's benchmark number, -1 where it has none
 */
record FanOutFrame(Kind kind, long seq, long[] itemSeqs, long[] itemUpdates) {

  /** The kinds of frame a subscriber to one channel sees. */
  enum Kind { SNAPSHOT, UPDATE, UPDATES, HEARTBEAT, ERROR, OTHER }

  /** Prefix of the benchmark's update number in {@code tableVersion}. */
  static final String UPDATE_PREFIX = "bench#";

  private static final long[] NONE = new long[0];
  private static final String OP = "{\"op\":\"";
  private static final String KIND = "\"kind\":\"";
  private static final String SEQ = "\"seq\":";
  private static final String ITEM_SEQ = "{\"seq\":";
  private static final String UPDATE = "\"tableVersion\":\"" + UPDATE_PREFIX;

  /** Reads a frame's text (UTF-8 bytes). */
  static FanOutFrame parse(byte[] frame) {
    String text = new String(frame, StandardCharsets.ISO_8859_1);
    if (text.startsWith(OP)) {
      Kind kind = text.startsWith("heartbeat\"", OP.length()) ? Kind.HEARTBEAT
          : text.startsWith("error\"", OP.length()) ? Kind.ERROR : Kind.OTHER;
      return other(kind);
    }
    int kindAt = text.indexOf(KIND);
    if (kindAt < 0) {
      return other(Kind.OTHER);
    }
    int valueAt = kindAt + KIND.length();
    long seq = numberAfter(text, SEQ, text.indexOf(SEQ, valueAt));
    if (text.startsWith("update\"", valueAt)) {
      return new FanOutFrame(Kind.UPDATE, seq, new long[] {seq},
          new long[] {numberAfter(text, UPDATE, text.lastIndexOf(UPDATE))});
    }
    if (text.startsWith("updates\"", valueAt)) {
      return items(text, seq);
    }
    if (text.startsWith("snapshot\"", valueAt)) {
      return new FanOutFrame(Kind.SNAPSHOT, seq, NONE, NONE);
    }
    return other(Kind.OTHER);
  }

  /** The benchmark's update number in any JSON holding the trust pressure (a Kafka record's value), or -1. */
  static long updateIn(byte[] json) {
    String text = new String(json, StandardCharsets.ISO_8859_1);
    return numberAfter(text, UPDATE, text.lastIndexOf(UPDATE));
  }

  private static FanOutFrame items(String text, long seq) {
    long[] seqs = new long[16];
    long[] updates = new long[16];
    int count = 0;
    int at = text.indexOf(ITEM_SEQ, text.indexOf("\"items\":["));
    while (at >= 0) {
      int next = text.indexOf(ITEM_SEQ, at + ITEM_SEQ.length());
      int update = text.indexOf(UPDATE, at);
      if (count == seqs.length) {
        seqs = Arrays.copyOf(seqs, count * 2);
        updates = Arrays.copyOf(updates, count * 2);
      }
      seqs[count] = numberAfter(text, ITEM_SEQ, at);
      updates[count] = update >= 0 && (next < 0 || update < next) ? numberAfter(text, UPDATE, update) : -1;
      count++;
      at = next;
    }
    return new FanOutFrame(Kind.UPDATES, seq, Arrays.copyOf(seqs, count), Arrays.copyOf(updates, count));
  }

  private static FanOutFrame other(Kind kind) {
    return new FanOutFrame(kind, -1, NONE, NONE);
  }

  /** The non-negative decimal number right after the {@code marker} found at {@code at} (-1: none), or -1. */
  private static long numberAfter(String text, String marker, int at) {
    if (at < 0) {
      return -1;
    }
    int start = at + marker.length();
    int i = start;
    long value = 0;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      value = value * 10 + (text.charAt(i) - '0');
      i++;
    }
    return i == start ? -1 : value;
  }
}
