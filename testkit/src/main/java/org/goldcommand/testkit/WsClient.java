package org.goldcommand.testkit;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain WebSocket client for tests, as any tool built on the live API would be: JDK only, JSON
 * messages collected in order so a test can wait for the one it expects.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private volatile Integer closeCode;

  /** Connects to {@code ws://localhost:<port>/ws} without signing in. */
  public WsClient(int port) {
    this(port, null);
  }

  /** Connects to {@code ws://localhost:<port>/ws} with {@code Authorization: Bearer <token>} (if not null). */
  public WsClient(int port, String token) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), this).join();
  }

  /** The close code the server sent, or null while open. */
  public Integer closeCode() {
    return closeCode;
  }

  /** Sends one text message. */
  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message matching the predicate, skipping others. */
  public JsonObject next(Predicate<JsonObject> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject message = received.poll(50, TimeUnit.MILLISECONDS);
      if (message != null && match.test(message)) {
        return message;
      }
    }
    throw new AssertionError("No matching message within " + timeout);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(new JsonObject(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode = statusCode;
    return null;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
