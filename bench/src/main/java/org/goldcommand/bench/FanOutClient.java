package org.goldcommand.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * One benchmark WebSocket client subscribed to {@code pressure.trust}: for each of the benchmark's
 * updates, when it arrived (microseconds after the benchmark's origin, plus one; 0 = never), and
 * its channel sequence numbers checked for gaps. Its frames arrive on one client event loop, which
 * alone writes its state; the benchmark reads it once every client has drained or stopped.
 */
final class FanOutClient {

  private static final String SUBSCRIBE = "{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"batch\":%b}";

  private final long originNanos;
  private final int[] arrivedMicros;
  private final FanOutSequence sequence = new FanOutSequence();
  private final FanOutSequence measuredSequence = new FanOutSequence();
  private final int firstMeasured;
  private final CountDownLatch subscribed;
  private final LongAdder frames;
  private final LongAdder changes;
  private final boolean batched;
  private final Set<Thread> eventLoops;
  private Buffer fragments;
  private volatile int updates;
  private volatile int errors;
  private volatile short closedWith = -1;
  private volatile long closedNanos = -1;

  /**
   * @param originNanos {@link System#nanoTime} the arrival times count from
   * @param updatesSent how many updates the benchmark will send, numbered from 0
   * @param firstMeasured the number of the first update of the measured window
   * @param subscribed counted down when this client's snapshot arrives
   * @param frames every client's frames carrying changes, counted as they arrive
   * @param changes every client's changes, counted as they arrive
   * @param batched whether to subscribe batched (one frame per batching period)
   * @param eventLoops where the client threads that run this client are collected
   */
  FanOutClient(long originNanos, int updatesSent, int firstMeasured, CountDownLatch subscribed, LongAdder frames,
      LongAdder changes, boolean batched, Set<Thread> eventLoops) {
    this.originNanos = originNanos;
    this.firstMeasured = firstMeasured;
    this.arrivedMicros = new int[updatesSent];
    this.subscribed = subscribed;
    this.frames = frames;
    this.changes = changes;
    this.batched = batched;
    this.eventLoops = eventLoops;
  }

  /** Takes frames from the socket and subscribes. */
  void attach(WebSocket socket) {
    eventLoops.add(Thread.currentThread());
    // Frames rather than the data handler, which Vert.x also calls with every ping's payload. A
    // message longer than the server's frame size (a batch after a stall) comes as a text frame and
    // continuations, put back together here.
    socket.frameHandler(frame -> {
      if (frame.isText() && frame.isFinal()) {
        frame(FanOutFrame.parse(frame.binaryData().getBytes()), System.nanoTime());
      } else if (frame.isText()) {
        fragments = frame.binaryData().copy();
      } else if (frame.isContinuation() && fragments != null) {
        fragments.appendBuffer(frame.binaryData());
        if (frame.isFinal()) {
          frame(FanOutFrame.parse(fragments.getBytes()), System.nanoTime());
          fragments = null;
        }
      }
    });
    socket.closeHandler(v -> {
      closedNanos = System.nanoTime() - originNanos;
      closedWith = socket.closeStatusCode() == null ? 0 : socket.closeStatusCode();
    });
    socket.writeTextMessage(SUBSCRIBE.formatted(batched));
  }

  private void frame(FanOutFrame frame, long nanos) {
    switch (frame.kind()) {
      case UPDATE, UPDATES -> {
        int arrived = (int) ((nanos - originNanos) / 1_000) + 1;
        for (int i = 0; i < frame.itemSeqs().length; i++) {
          sequence.update(frame.itemSeqs()[i]);
          long n = frame.itemUpdates()[i];
          if (n >= firstMeasured) {
            measuredSequence.update(frame.itemSeqs()[i]);
          }
          if (n >= 0 && n < arrivedMicros.length) {
            arrivedMicros[(int) n] = arrived;
          }
        }
        updates += frame.itemSeqs().length;
        frames.increment();
        changes.add(frame.itemSeqs().length);
      }
      case SNAPSHOT -> {
        sequence.snapshot(frame.seq());
        subscribed.countDown();
      }
      case ERROR -> errors++;
      default -> {
        // heartbeats and anything else carry no update
      }
    }
  }

  /** When update {@code n} arrived, in nanoseconds after the origin, or -1 if it never did. */
  long arrivedNanos(int n) {
    return arrivedMicros[n] == 0 ? -1 : (arrivedMicros[n] - 1) * 1_000L;
  }

  /** Changes received. */
  int updates() {
    return updates;
  }

  /** Error messages received (a refused subscription, for example). */
  int errors() {
    return errors;
  }

  /** The server's close status if the connection closed (0 without one), else -1. */
  short closedWith() {
    return closedWith;
  }

  /** When the connection closed, in nanoseconds after the origin, or -1 while open. */
  long closedNanos() {
    return closedNanos;
  }

  /** Sequence numbers over the whole run, warm-up included. */
  FanOutSequence sequence() {
    return sequence;
  }

  /** Sequence numbers from the first measured update this client received on. */
  FanOutSequence measuredSequence() {
    return measuredSequence;
  }
}
