package org.goldcommand.dashboard.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.goldcommand.dashboard.auth.Permission;
import org.goldcommand.dashboard.auth.Person;

/**
 * The live channels dashboard-api serves, who may subscribe to each, and the WebSocket clients
 * connected to them, with the metrics the command room's own monitoring needs: clients connected,
 * and (see {@link LiveMetrics}) messages pushed, conflated and dropped, and push latency.
 */
public final class LiveChannels {

  /**
   * A channel and who may see it: the permission a subscriber needs, and which of its values a given
   * person may see (their scope, and for alerts the kinds their roles receive).
   *
   * @param name the channel's name on the wire
   * @param permission what a subscriber's roles must allow
   * @param visibility the values a person may see
   */
  public record Spec(String name, Permission permission, Function<Person, Predicate<JsonObject>> visibility) {}

  private final Map<String, LiveChannel> channels = new LinkedHashMap<>();
  private final Map<String, Spec> specs = new LinkedHashMap<>();
  private final AtomicInteger clients = new AtomicInteger();
  private final LiveMetrics metrics;
  private final Duration heartbeat;
  private final Duration batchPeriod;

  /**
   * @param heartbeat how often clients get a heartbeat and a ping
   * @param batchPeriod how long changes collect before going to clients that take them batched
   */
  public LiveChannels(MeterRegistry metrics, Duration heartbeat, Duration batchPeriod, List<Spec> specs) {
    for (Spec spec : specs) {
      channels.put(spec.name(), new LiveChannel(spec.name(), 10_000));
      this.specs.put(spec.name(), spec);
    }
    this.heartbeat = heartbeat;
    this.batchPeriod = batchPeriod;
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

  /** Takes a newly upgraded WebSocket of this signed-in person into the protocol. */
  public void accept(ServerWebSocket socket, Person person, Vertx vertx) {
    clients.incrementAndGet();
    new ClientSession(socket, this, person, vertx);
  }

  /** How long changes collect before going to clients that take them batched. */
  public Duration batchPeriod() {
    return batchPeriod;
  }

  /** Ends every channel's batching period; called every {@link #batchPeriod()} on the channels' context. */
  public void endBatches() {
    channels.values().forEach(LiveChannel::endBatch);
  }

  Spec spec(String name) {
    return specs.get(name);
  }

  Duration heartbeat() {
    return heartbeat;
  }

  /** Each channel's epoch and latest sequence number, for heartbeats. */
  JsonObject positions() {
    JsonObject positions = new JsonObject();
    channels.forEach((name, channel) -> positions.put(name, new JsonObject().put("epoch", channel.epoch())
        .put("seq", channel.seq())));
    return positions;
  }

  ClientSubscription subscription(LiveChannel channel, ServerWebSocket socket, Predicate<JsonObject> filter,
      boolean batched) {
    return new ClientSubscription(channel, socket, filter, batched, metrics);
  }

  LiveMetrics metrics() {
    return metrics;
  }

  void disconnected() {
    clients.decrementAndGet();
  }
}
