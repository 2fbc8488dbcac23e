package org.goldcommand.ingest.hl7;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender's MLLP connection. Messages are handled strictly one at a time, in the order
 * received: ACKs go back in order and a trust's movements reach Kafka in the order it sent them
 * (an admission before its transfer). A sender that pipelines is paused while a few messages wait,
 * so a fast sender cannot queue unbounded memory. After an oversized frame the connection is
 * answered and closed; nothing else closes it from this side.
 */
final class MllpConnection {

  private static final Logger LOG = LoggerFactory.getLogger(MllpConnection.class);
  private static final int MAX_WAITING = 8;

  private final NetSocket socket;
  private final Function<MllpFramer.Event, Future<String>> handler;
  private final Queue<MllpFramer.Event> waiting = new ArrayDeque<>();
  private boolean busy;
  private boolean paused;
  private boolean closing;

  private MllpConnection(NetSocket socket, Function<MllpFramer.Event, Future<String>> handler) {
    this.socket = socket;
    this.handler = handler;
  }

  /** Starts serving a new connection; {@code handler} answers each event with the ACK to send. */
  static void serve(NetSocket socket, int maxMessageBytes, Function<MllpFramer.Event, Future<String>> handler) {
    MllpConnection connection = new MllpConnection(socket, handler);
    MllpFramer framer = new MllpFramer(maxMessageBytes, connection::received);
    socket.handler(framer::feed);
    socket.exceptionHandler(e -> LOG.debug("MLLP connection from {}: {}", socket.remoteAddress(), e.toString()));
    socket.closeHandler(ignored -> connection.closing = true);
  }

  private void received(MllpFramer.Event event) {
    waiting.add(event);
    if (waiting.size() >= MAX_WAITING && !paused) {
      paused = true;
      socket.pause();
    }
    next();
  }

  private void next() {
    if (busy || closing || waiting.isEmpty()) {
      return;
    }
    busy = true;
    MllpFramer.Event event = waiting.remove();
    Future<String> answer;
    try {
      answer = handler.apply(event);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(result -> {
      if (result.failed()) {
        // The handler answers every problem itself; this is a last resort so the sender is never left waiting.
        LOG.error("No acknowledgement could be built for an MLLP message from {}", socket.remoteAddress(),
            result.cause());
        socket.close();
        closing = true;
        return;
      }
      Future<Void> written = socket.write(frame(result.result()));
      if (event instanceof MllpFramer.Oversized) {
        closing = true;
        written.onComplete(ignored -> socket.close());
        return;
      }
      busy = false;
      if (paused && waiting.size() < MAX_WAITING / 2) {
        paused = false;
        socket.resume();
      }
      next();
    });
  }

  private static Buffer frame(String ack) {
    return Buffer.buffer(ack.length() + 3)
        .appendByte(MllpFramer.VT)
        .appendBytes(ack.getBytes(StandardCharsets.UTF_8))
        .appendByte(MllpFramer.FS)
        .appendByte(MllpFramer.CR);
  }
}
