package org.goldcommand.dashboard.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The live channels dashboard-api serves and the WebSocket clients connected to them, with the
 * metrics the command room's own monitoring needs: clients connected, and (see {@link LiveMetrics})
 * messages pushed and conflated, and push latency.
 */
public final class LiveChannels {

  private final Map<String, LiveChannel> channels = new LinkedHashMap<>();
  private final AtomicInteger clients = new AtomicInteger();
  private final LiveMetrics metrics;

  public LiveChannels(MeterRegistry metrics, String... names) {
    for (String name : names) {
      channels.put(name, new LiveChannel(name, 10_000));
    }
    metrics.gauge("gc.ws.clients", clients);
    this.metrics = LiveMetrics.register(metrics);
  }

  /** The channel of this name, or null. */
  public LiveChannel get(String name) {
    return channels.get(name);
  }

  /** Channel names, for error messages. */
  public String names() {
    return String.join(", ", channels.keySet());
  }

  /** Takes a newly upgraded WebSocket into the protocol. */
  public void accept(ServerWebSocket socket) {
    clients.incrementAndGet();
    new ClientSession(socket, this);
  }

  ClientSubscription subscription(LiveChannel channel, ServerWebSocket socket, Predicate<JsonObject> filter) {
    return new ClientSubscription(channel, socket, filter, metrics);
  }

  void disconnected() {
    clients.decrementAndGet();
  }
}
