package org.goldcommand.ingest.hl7;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Splits a TCP byte stream into MLLP frames ({@code <VT> message <FS><CR>}) whatever the reads'
 * boundaries: a frame may span many reads and a read may hold many frames. Tolerant where senders
 * commonly stray (whitespace between frames, a missing CR after FS) and explicit about the rest:
 * bytes outside any frame, a frame cut short by a new VT, and a frame over the size limit are each
 * reported, so the connection can answer them rather than wait in silence.
 */
final class MllpFramer {

  static final byte VT = 0x0B;
  static final byte FS = 0x1C;
  static final byte CR = 0x0D;

  /** What the framer found. */
  sealed interface Event {}

  /** A complete frame's content. */
  record Frame(byte[] bytes) implements Event {}

  /** A frame over the limit: the start of it, kept to identify the message. Nothing more is read. */
  record Oversized(byte[] start, int limit) implements Event {}

  /** A frame abandoned by a new VT before its FS: what had arrived of it. */
  record CutShort(byte[] bytes) implements Event {}

  /** Bytes that arrived outside any frame (other than whitespace between frames). */
  record Stray(int count) implements Event {}

  private enum State { OUTSIDE, INSIDE, AFTER_END, STOPPED }

  private final int maxBytes;
  private final Consumer<Event> events;
  private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
  private State state = State.OUTSIDE;
  private int stray;

  MllpFramer(int maxBytes, Consumer<Event> events) {
    this.maxBytes = maxBytes;
    this.events = events;
  }

  /** Takes the next bytes read from the connection. */
  void feed(Buffer data) {
    byte[] bytes = data.getBytes();
    int i = 0;
    while (i < bytes.length && state != State.STOPPED) {
      if (state == State.INSIDE) {
        i = inside(bytes, i);
        continue;
      }
      byte b = bytes[i++];
      if (state == State.AFTER_END) {
        state = State.OUTSIDE;
        if (b == CR) {
          continue;
        }
      }
      if (b == VT) {
        reportStray();
        frame.reset();
        state = State.INSIDE;
      } else if (!isWhitespace(b)) {
        stray++;
      }
    }
    reportStray();
  }

  private int inside(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && bytes[i] != FS && bytes[i] != VT) {
      i++;
    }
    if (frame.size() + (i - from) > maxBytes) {
      frame.write(bytes, from, maxBytes - frame.size());
      state = State.STOPPED;
      events.accept(new Oversized(frame.toByteArray(), maxBytes));
      return bytes.length;
    }
    frame.write(bytes, from, i - from);
    if (i == bytes.length) {
      return i;
    }
    byte[] content = frame.toByteArray();
    frame.reset();
    if (bytes[i] == FS) {
      state = State.AFTER_END;
      events.accept(new Frame(content));
    } else {
      // A VT: the sender gave up on this frame and starts another, which stays INSIDE.
      events.accept(new CutShort(content));
    }
    return i + 1;
  }

  private void reportStray() {
    if (stray > 0) {
      events.accept(new Stray(stray));
      stray = 0;
    }
  }

  private static boolean isWhitespace(byte b) {
    return b == CR || b == '\n' || b == ' ' || b == '\t' || b == 0;
  }
}
