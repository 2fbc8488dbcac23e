package org.goldcommand.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.streams.domain.alerts.AlertLifecycle;
import org.goldcommand.streams.domain.alerts.AlertSlot;

/**
 * Runs {@link AlertLifecycle} for the alert keys this task owns, keeping each key's slot in a state
 * store and forwarding every step (raised, acknowledged, resolved) as the alert's whole new state.
 *
 * <p>Time passes with no input through a WALL-CLOCK punctuation every {@link #TICK}: a stale feed
 * is by definition one that sends nothing, so only the wall clock can notice it, and a trust whose
 * next sitrep is a day away must still see its alert resolve when the hold-down ends. Stream time
 * would stand still in exactly those cases. Observations themselves are judged at their business
 * time (see {@link AlertLifecycle}), and a tick never judges a key earlier than its newest
 * observation, so a replay at speed gives the same steps as the live run.
 */
final class AlertSteps implements Processor<String, AlertInput, String, Alert> {

  static final String STORE = "alert-slots";
  static final Duration TICK = Duration.ofMinutes(1);

  private final MeterRegistry metrics;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, AlertSlot> slots;

  AlertSteps(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  static StoreBuilder<KeyValueStore<String, AlertSlot>> store() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
        JsonSerde.of(AlertSlot.class));
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.slots = context.getStateStore(STORE);
    context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
  }

  @Override
  public void process(Record<String, AlertInput> record) {
    AlertInput input = record.value();
    AlertSlot slot = slots.get(record.key());
    AlertLifecycle.Step step;
    if (input.observation() != null) {
      step = AlertLifecycle.observe(slot, input.observation());
    } else {
      step = AlertLifecycle.command(slot, input.command());
      metrics.counter("gc.alerts.commands", "outcome", step.published().isPresent() ? "applied" : "no-effect")
          .increment();
    }
    if (!step.slot().equals(slot)) {
      slots.put(record.key(), step.slot());
    }
    step.published().ifPresent(alert -> publish(alert, record.timestamp()));
  }

  private void tick(long wallClockMillis) {
    Instant now = Instant.ofEpochMilli(wallClockMillis);
    List<KeyValue<String, AlertLifecycle.Step>> changed = new ArrayList<>();
    try (KeyValueIterator<String, AlertSlot> all = slots.all()) {
      while (all.hasNext()) {
        KeyValue<String, AlertSlot> entry = all.next();
        if (waiting(entry.value)) {
          AlertLifecycle.Step step = AlertLifecycle.tick(entry.value, now);
          if (!step.slot().equals(entry.value)) {
            changed.add(KeyValue.pair(entry.key, step));
          }
        }
      }
    }
    for (KeyValue<String, AlertLifecycle.Step> entry : changed) {
      slots.put(entry.key, entry.value.slot());
      entry.value.published().ifPresent(alert -> publish(alert, wallClockMillis));
    }
  }

  /** Whether time alone could change the slot: a debounce, a hold-down or a feed going stale. */
  private static boolean waiting(AlertSlot slot) {
    return slot.latest() != null
        && (slot.hasOpenAlert() || slot.breachingSince() != null || slot.latest().breachesFrom() != null);
  }

  private void publish(Alert alert, long timestamp) {
    metrics.counter("gc.alerts.steps", "state", alert.state().name(), "rule", alert.ruleId()).increment();
    context.forward(new Record<>(alert.key(), alert, timestamp));
  }
}
