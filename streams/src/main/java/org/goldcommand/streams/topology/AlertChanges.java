package org.goldcommand.streams.topology;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.streams.domain.alerts.Observation;
import org.goldcommand.streams.support.RememberedStore;

/**
 * Passes on an observation only when it could change its alert: the first for a key, a condition
 * turning from clear to breaching or back, or one at least {@link #STEP} newer than the last passed
 * on (so debounces, hold-downs and a feed's stale time still advance with the data's own time, to
 * the minute, when a replay runs faster than the wall clock). Pressure is republished on every
 * handover and feed status on every record, so without this every input would cross the
 * repartition topic a dozen times to say nothing new. Each alert key's observations all come from
 * one input key, so this task sees all of them.
 */
final class AlertChanges implements FixedKeyProcessor<String, Observation, Observation> {

  static final String STORE = "alert-last-observed";
  /** How much newer a same-state observation must be to be passed on. */
  static final Duration STEP = AlertSteps.TICK;

  private FixedKeyProcessorContext<String, Observation> context;
  private RememberedStore<String, Seen> seen;

  /**
   * What was last passed on for an alert key.
   *
   * @param breaching whether the condition was breached
   * @param breachesFrom when it would breach by itself, if ever
   * @param at its time
   */
  record Seen(boolean breaching, Instant breachesFrom, Instant at) {}

  static StoreBuilder<KeyValueStore<String, Seen>> store() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(Seen.class));
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Observation> context) {
    this.context = context;
    this.seen = RememberedStore.of(context.getStateStore(STORE));
  }

  @Override
  public void process(FixedKeyRecord<String, Observation> record) {
    Observation o = record.value();
    Seen last = seen.get(o.key());
    if (last != null && (o.at().isBefore(last.at()) || !changes(last, o))) {
      return;
    }
    seen.put(o.key(), new Seen(o.breaching(), o.breachesFrom(), o.at()));
    context.forward(record);
  }

  private static boolean changes(Seen last, Observation o) {
    if (last.breaching() != o.breaching() || (last.breachesFrom() == null) != (o.breachesFrom() == null)) {
      return true;
    }
    return Duration.between(last.at(), o.at()).compareTo(STEP) >= 0;
  }
}
