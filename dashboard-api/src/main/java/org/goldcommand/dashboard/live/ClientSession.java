package org.goldcommand.dashboard.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.goldcommand.dashboard.auth.Person;
import org.goldcommand.dashboard.auth.TokenVerifier;

/**
 * One signed-in WebSocket client speaking the live protocol (DESIGN.md §5): subscribe with an
 * optional filter, resume point and {@code batch} (changes sent together once per batching period,
 * for screens that need not see each change the millisecond it happens), unsubscribe, ping. Every
 * bad request gets an {@code {"op":"error"}} message saying what was wrong; the connection stays
 * open. A subscription shows only what the person may see, and a channel their roles do not allow
 * is refused.
 *
 * <p>A resumed subscription replays what the client missed (only what its filter and scope let
 * through) and then says {@code {"kind":"resumed"}} with the channel's latest sequence number.
 * Every heartbeat period the client is sent {@code {"op":"heartbeat"}} with each subscribed
 * channel's latest sequence number (higher than the client's own last one when others' changes
 * passed by, or when it missed some; resuming from its own last number is always safe) and a
 * WebSocket ping. A client that has not been heard from (a message or a pong) for three periods is
 * closed with 4408 and what was held back for it is dropped, so a vanished screen costs nothing
 * more; at the token's expiry the connection is closed with 4401.
 */
final class ClientSession {

  /** Close code for a client that stopped answering pings. */
  static final short GONE_QUIET = 4408;

  /** Close code for a connection whose token expired. */
  static final short TOKEN_EXPIRED = 4401;

  private final ServerWebSocket socket;
  private final LiveChannels channels;
  private final Person person;
  private final Vertx vertx;
  private final Map<String, ClientSubscription> subscriptions = new HashMap<>();
  private final long heartbeatTimer;
  private final long expiryTimer;
  private long lastHeardNanos = System.nanoTime();
  private boolean ended;

  ClientSession(ServerWebSocket socket, LiveChannels channels, Person person, Vertx vertx) {
    this.socket = socket;
    this.channels = channels;
    this.person = person;
    this.vertx = vertx;
    socket.textMessageHandler(this::onMessage);
    socket.pongHandler(buffer -> heard());
    socket.drainHandler(v -> subscriptions.values().forEach(ClientSubscription::flush));
    socket.closeHandler(v -> close());
    Duration heartbeat = channels.heartbeat();
    heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), id -> heartbeat(heartbeat));
    long untilExpiry = Math.max(1, Duration.between(Instant.now(),
        person.expiresAt().plusSeconds(TokenVerifier.LEEWAY_SECONDS)).toMillis());
    expiryTimer = vertx.setTimer(untilExpiry, id -> {
      error("token-expired", "Your token has expired: sign in again and resume with fromSeq");
      dropAndClose(TOKEN_EXPIRED, "token expired");
    });
  }

  private void heard() {
    lastHeardNanos = System.nanoTime();
  }

  private void heartbeat(Duration period) {
    if (socket.isClosed()) {
      return;
    }
    if (System.nanoTime() - lastHeardNanos > 3 * period.toNanos()) {
      dropAndClose(GONE_QUIET, "no answer to pings");
      return;
    }
    socket.writePing(Buffer.buffer());
    if (!socket.writeQueueFull()) {
      JsonObject positions = channels.positions();
      JsonObject subscribed = new JsonObject();
      subscriptions.keySet().forEach(name -> subscribed.put(name, positions.getValue(name)));
      socket.writeTextMessage(new JsonObject().put("op", "heartbeat").put("at", Instant.now().toString())
          .put("channels", subscribed).encode());
    }
  }

  private void onMessage(String text) {
    heard();
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("bad-json", "Messages must be JSON objects, for example {\"op\":\"subscribe\",\"channel\":\"pressure.trust\"}");
      return;
    }
    Object op = message.getValue("op");
    if (!(op instanceof String)) {
      error("missing-op", "Every message needs \"op\": one of subscribe, unsubscribe, ping");
      return;
    }
    switch ((String) op) {
      case "subscribe" -> subscribe(message);
      case "unsubscribe" -> unsubscribe(message);
      case "ping" -> socket.writeTextMessage(new JsonObject().put("op", "pong").encode());
      default -> error("unknown-op", "Unknown op '" + op + "': use subscribe, unsubscribe or ping");
    }
  }

  private void subscribe(JsonObject message) {
    LiveChannel channel = channel(message);
    if (channel == null) {
      return;
    }
    LiveChannels.Spec spec = channels.spec(channel.name());
    if (!person.may(spec.permission())) {
      error("forbidden", "Your roles (" + person.roleCodes() + ") may not see " + channel.name(), channel.name());
      return;
    }
    Predicate<JsonObject> filter;
    try {
      filter = SubscriptionFilter.from(message.getValue("filter")).and(spec.visibility().apply(person));
    } catch (IllegalArgumentException e) {
      error("bad-filter", e.getMessage(), channel.name());
      return;
    }
    Object fromSeq = message.getValue("fromSeq");
    if (fromSeq != null && !(fromSeq instanceof Number)) {
      error("bad-from-seq", "fromSeq must be the number of the last update received", channel.name());
      return;
    }
    Object batch = message.getValue("batch");
    if (batch != null && !(batch instanceof Boolean)) {
      error("bad-batch", "batch must be true (changes sent together, once per period) or false", channel.name());
      return;
    }
    boolean sameEpoch = channel.epoch().equals(message.getValue("epoch"));
    end(subscriptions.remove(channel.name()));
    ClientSubscription subscription = channels.subscription(channel, socket, filter, Boolean.TRUE.equals(batch));
    Optional<List<LiveChannel.Update>> missed = fromSeq == null || !sameEpoch ? Optional.empty()
        : channel.since(((Number) fromSeq).longValue());
    if (missed.isPresent()) {
      List<LiveChannel.Update> replayed = missed.get().stream().filter(u -> filter.test(u.data())).toList();
      subscription.replay(replayed);
      socket.writeTextMessage(new JsonObject().put("channel", channel.name()).put("kind", "resumed")
          .put("epoch", channel.epoch()).put("seq", channel.seq()).put("replayed", replayed.size()).encode());
    } else {
      socket.writeTextMessage(channel.snapshot(filter).encode());
    }
    subscriptions.put(channel.name(), subscription);
    if (subscription.batched()) {
      channel.subscribeBatched(subscription);
    } else {
      channel.subscribe(subscription);
    }
  }

  private void unsubscribe(JsonObject message) {
    LiveChannel channel = channel(message);
    if (channel != null) {
      end(subscriptions.remove(channel.name()));
    }
  }

  private void end(ClientSubscription subscription) {
    if (subscription != null) {
      subscription.channel().unsubscribe(subscription);
      subscription.drop();
    }
  }

  private LiveChannel channel(JsonObject message) {
    Object name = message.getValue("channel");
    if (!(name instanceof String)) {
      error("missing-channel", "Name a channel: one of " + channels.names());
      return null;
    }
    LiveChannel channel = channels.get((String) name);
    if (channel == null) {
      error("unknown-channel", "No channel '" + name + "': use one of " + channels.names());
    }
    return channel;
  }

  private void error(String code, String text) {
    error(code, text, null);
  }

  private void error(String code, String text, String channel) {
    JsonObject error = new JsonObject().put("op", "error").put("code", code).put("message", text);
    if (channel != null) {
      error.put("channel", channel);
    }
    socket.writeTextMessage(error.encode());
  }

  /**
   * Ends the session now (nothing more is sent or held for it) and asks the socket to close with
   * this code. A client that reads nothing never takes the close frame, so its TCP connection ends
   * only when the operating system gives up on it; it costs no more than what was already written.
   */
  private void dropAndClose(short code, String reason) {
    close();
    socket.close(code, reason);
  }

  private void close() {
    if (ended) {
      return;
    }
    ended = true;
    vertx.cancelTimer(heartbeatTimer);
    vertx.cancelTimer(expiryTimer);
    subscriptions.values().forEach(this::end);
    subscriptions.clear();
    channels.disconnected();
  }
}
