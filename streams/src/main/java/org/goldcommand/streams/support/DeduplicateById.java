package org.goldcommand.streams.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Passes on the first record with each event id and drops later copies, so a feed that re-sends
 * (after a timeout, or a correction replayed) is never counted twice. Ids are remembered in a
 * window store for {@code retention}, after which the store forgets them by itself; inputs are
 * keyed by organisation, so every copy of an event lands on the same partition and store.
 *
 * @param <V> the record value
 */
public final class DeduplicateById<V> implements FixedKeyProcessor<String, V, V> {

  private final String storeName;
  private final Duration retention;
  private final Function<V, String> eventId;
  private FixedKeyProcessorContext<String, V> context;
  private WindowStore<String, Long> seen;

  public DeduplicateById(String storeName, Duration retention, Function<V, String> eventId) {
    this.storeName = storeName;
    this.retention = retention;
    this.eventId = eventId;
  }

  /** The store this processor needs, to register with the topology. */
  public static StoreBuilder<WindowStore<String, Long>> store(String name, Duration retention) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(name, retention, retention, false), Serdes.String(), Serdes.Long());
  }

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    String id = eventId.apply(record.value());
    long ts = record.timestamp();
    Instant from = Instant.ofEpochMilli(Math.max(0, ts - retention.toMillis()));
    Instant to = Instant.ofEpochMilli(ts + retention.toMillis());
    try (WindowStoreIterator<Long> earlier = seen.fetch(id, from, to)) {
      if (earlier.hasNext()) {
        return;
      }
    }
    seen.put(id, ts, ts);
    context.forward(record);
  }
}
