package org.goldcommand.events.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name, serdes and creation settings kept together, so no call site can pair a topic
 * with the wrong serde or spell its name differently from its producer.
 *
 * @param name the topic name, {@code <area>.<entity>.v<N>}
 * @param keySerde the key serde (keys are organisation or site codes)
 * @param valueSerde the value serde
 * @param partitions partitions to create the topic with
 * @param config topic-level configuration (compaction, retention)
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Map<String, String> config) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    config = Map.copyOf(config);
  }

  @Override
  public String toString() {
    return name;
  }
}
