package org.goldcommand.streams.support;

import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Passes on a record only if its business time is no older than the newest already passed for its
 * key, so a late or back-dated return never replaces newer figures on the wall (it is still kept in
 * history). Records with the same business time pass, so a correction of the latest return shows.
 *
 * @param <V> the record value
 */
public final class NewestOnly<V> implements FixedKeyProcessor<String, V, V> {

  private final String storeName;
  private final Function<V, Instant> businessTime;
  private FixedKeyProcessorContext<String, V> context;
  private KeyValueStore<String, Long> newest;

  public NewestOnly(String storeName, Function<V, Instant> businessTime) {
    this.storeName = storeName;
    this.businessTime = businessTime;
  }

  /** The store this processor needs, to register with the topology. */
  public static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long());
  }

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
    this.newest = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    long time = businessTime.apply(record.value()).toEpochMilli();
    Long previous = newest.get(record.key());
    if (previous != null && time < previous) {
      return;
    }
    newest.put(record.key(), time);
    context.forward(record);
  }
}
