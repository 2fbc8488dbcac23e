package org.goldcommand.bench;

import java.nio.charset.StandardCharsets;

/**
 * What the fan-out benchmark reads from one live WebSocket frame, found by scanning its bytes rather
 * than decoding its JSON (1,000 clients at 200 updates a second are 200,000 frames a second, and the
 * clients share the machine with the server they measure): the frame's kind, the channel sequence
 * number, and the benchmark's own number for the update, which the producer writes into the trust
 * pressure's {@code tableVersion} as {@code bench#<n>}.
 *
 * <p>dashboard-api writes an update as
 * {@code {"channel":..,"kind":"update","epoch":..,"seq":N,"key":..,"data":{..,"tableVersion":"bench#n",..}}},
 * a snapshot with {@code "kind":"snapshot"} and its {@code "seq"}, and control messages as
 * {@code {"op":"heartbeat",..}} or {@code {"op":"error",..}}.
 *
 * @param kind what the frame is
 * @param seq the channel sequence number (updates and snapshots), else -1
 * @param update the benchmark's update number (updates), else -1
 */
record FanOutFrame(Kind kind, long seq, long update) {

  /** The kinds of frame a subscriber to one channel sees. */
  enum Kind { SNAPSHOT, UPDATE, HEARTBEAT, ERROR, OTHER }

  /** Prefix of the benchmark's update number in {@code tableVersion}. */
  static final String UPDATE_PREFIX = "bench#";

  private static final byte[] OP = bytes("{\"op\":\"");
  private static final byte[] HEARTBEAT = bytes("heartbeat\"");
  private static final byte[] ERROR = bytes("error\"");
  private static final byte[] KIND_UPDATE = bytes("\"kind\":\"update\"");
  private static final byte[] KIND_SNAPSHOT = bytes("\"kind\":\"snapshot\"");
  private static final byte[] SEQ = bytes("\"seq\":");
  private static final byte[] UPDATE = bytes("\"tableVersion\":\"" + UPDATE_PREFIX);

  /** Reads a frame's text (UTF-8 bytes). */
  static FanOutFrame parse(byte[] frame) {
    if (at(frame, 0, OP)) {
      Kind kind = at(frame, OP.length, HEARTBEAT) ? Kind.HEARTBEAT
          : at(frame, OP.length, ERROR) ? Kind.ERROR : Kind.OTHER;
      return new FanOutFrame(kind, -1, -1);
    }
    int kindAt = indexOf(frame, KIND_UPDATE, 0);
    if (kindAt >= 0) {
      return new FanOutFrame(Kind.UPDATE, numberAfter(frame, SEQ, indexOf(frame, SEQ, kindAt)),
          numberAfter(frame, UPDATE, lastIndexOf(frame, UPDATE, kindAt)));
    }
    kindAt = indexOf(frame, KIND_SNAPSHOT, 0);
    if (kindAt >= 0) {
      return new FanOutFrame(Kind.SNAPSHOT, numberAfter(frame, SEQ, indexOf(frame, SEQ, kindAt)), -1);
    }
    return new FanOutFrame(Kind.OTHER, -1, -1);
  }

  /** The benchmark's update number in any JSON holding the trust pressure (a Kafka record's value), or -1. */
  static long updateIn(byte[] json) {
    return numberAfter(json, UPDATE, lastIndexOf(json, UPDATE, 0));
  }

  /** The non-negative decimal number right after the {@code marker} found at {@code at} (-1: none), or -1. */
  private static long numberAfter(byte[] text, byte[] marker, int at) {
    if (at < 0) {
      return -1;
    }
    int start = at + marker.length;
    int i = start;
    long value = 0;
    while (i < text.length && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i] - '0');
      i++;
    }
    return i == start ? -1 : value;
  }

  private static boolean at(byte[] text, int offset, byte[] expected) {
    if (offset + expected.length > text.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (text[offset + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] text, byte[] marker, int from) {
    for (int i = from; i + marker.length <= text.length; i++) {
      if (text[i] == marker[0] && at(text, i, marker)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The last {@code marker} at or after {@code from}: the benchmark's number sits at the end of the
   * trust pressure, so searching back from the end reads a few dozen bytes of a 2 KB frame, not all
   * of it (a forward scan was a third of the clients' CPU).
   */
  private static int lastIndexOf(byte[] text, byte[] marker, int from) {
    for (int i = text.length - marker.length; i >= from; i--) {
      if (text[i] == marker[0] && at(text, i, marker)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
