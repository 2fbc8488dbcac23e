package org.goldcommand.dashboard.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One connected WebSocket client speaking the live protocol (DESIGN.md §5): subscribe with an
 * optional filter and resume point, unsubscribe, ping. Every bad request gets an
 * {@code {"op":"error"}} message saying what was wrong; the connection stays open.
 */
final class ClientSession {

  private final ServerWebSocket socket;
  private final LiveChannels channels;
  private final Map<String, ClientSubscription> subscriptions = new HashMap<>();

  ClientSession(ServerWebSocket socket, LiveChannels channels) {
    this.socket = socket;
    this.channels = channels;
    socket.textMessageHandler(this::onMessage);
    socket.drainHandler(v -> subscriptions.values().forEach(ClientSubscription::flush));
    socket.closeHandler(v -> close());
  }

  private void onMessage(String text) {
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
    Predicate<JsonObject> filter;
    try {
      filter = SubscriptionFilter.from(message.getValue("filter"));
    } catch (IllegalArgumentException e) {
      error("bad-filter", e.getMessage());
      return;
    }
    Object fromSeq = message.getValue("fromSeq");
    if (fromSeq != null && !(fromSeq instanceof Number)) {
      error("bad-from-seq", "fromSeq must be the number of the last update received");
      return;
    }
    boolean sameEpoch = channel.epoch().equals(message.getValue("epoch"));
    ClientSubscription previous = subscriptions.remove(channel.name());
    if (previous != null) {
      channel.unsubscribe(previous);
    }
    ClientSubscription subscription = channels.subscription(channel, socket, filter);
    var missed = fromSeq == null || !sameEpoch ? java.util.Optional.<java.util.List<LiveChannel.Update>>empty()
        : channel.since(((Number) fromSeq).longValue());
    if (missed.isPresent()) {
      missed.get().stream().filter(u -> filter.test(u.data())).forEach(subscription::write);
    } else {
      socket.writeTextMessage(channel.snapshot(filter).encode());
    }
    subscriptions.put(channel.name(), subscription);
    channel.subscribe(subscription);
  }

  private void unsubscribe(JsonObject message) {
    LiveChannel channel = channel(message);
    if (channel == null) {
      return;
    }
    ClientSubscription subscription = subscriptions.remove(channel.name());
    if (subscription != null) {
      channel.unsubscribe(subscription);
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
    socket.writeTextMessage(new JsonObject().put("op", "error").put("code", code).put("message", text).encode());
  }

  private void close() {
    subscriptions.values().forEach(s -> s.channel().unsubscribe(s));
    subscriptions.clear();
    channels.disconnected();
  }
}
