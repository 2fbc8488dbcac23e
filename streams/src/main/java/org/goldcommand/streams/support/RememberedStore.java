package org.goldcommand.streams.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A state store read through a copy of the values this processor last wrote or read. A trust's or
 * site's state is read and rewritten on every one of its events; without this, every read
 * deserialises the whole state from its stored JSON, which profiling showed to be a fifth of the
 * stream thread's time. Writes still go to the store (and its changelog) at once, so nothing is
 * lost; the copy only saves the decoding.
 *
 * <p>Safe with exactly-once because the copy lives exactly as long as the processor's {@code init}:
 * Kafka Streams re-initialises a processor whenever it restores or revives its task (after an
 * aborted transaction, a migration or corruption), and each {@code init} makes a new, empty copy.
 * The values must be immutable. At most {@link #CAPACITY} keys are kept, least recently used first out
 * (more than the trusts and sites of a national set).
 *
 * @param <K> key type
 * @param <V> value type, immutable
 */
public final class RememberedStore<K, V> {

  /** Keys remembered per processor. */
  public static final int CAPACITY = 10_000;

  private final KeyValueStore<K, V> store;
  private final Map<K, V> remembered;

  private RememberedStore(KeyValueStore<K, V> store) {
    this.store = store;
    this.remembered = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CAPACITY;
      }
    };
  }

  /** Wraps a store that this processor reads and writes; call from {@code init}. */
  public static <K, V> RememberedStore<K, V> of(KeyValueStore<K, V> store) {
    return new RememberedStore<>(store);
  }

  /** The value for the key, or null. */
  public V get(K key) {
    V value = remembered.get(key);
    if (value == null && !remembered.containsKey(key)) {
      value = store.get(key);
      remembered.put(key, value);
    }
    return value;
  }

  /** Writes the value to the store and remembers it. */
  public void put(K key, V value) {
    store.put(key, value);
    remembered.put(key, value);
  }

  /** Deletes the key from the store and the copy. */
  public void delete(K key) {
    store.delete(key);
    remembered.remove(key);
  }
}
