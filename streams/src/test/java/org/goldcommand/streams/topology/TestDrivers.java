package org.goldcommand.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.streams.StreamsService;
import org.goldcommand.streams.domain.alerts.AlertRules;
import org.goldcommand.streams.domain.scoring.ScoringTables;
import org.goldcommand.streams.support.DeadLetterHandler;

/**
 * The whole streams application under a {@link TopologyTestDriver}, configured as the service runs
 * it (dead-letter handlers included) but with no record cache, so every change is visible at once.
 */
final class TestDrivers {

  private TestDrivers() {}

  static TopologyTestDriver application(Path stateDir, MeterRegistry metrics) {
    return application(stateDir, metrics, Instant.now());
  }

  /** The application with its wall clock starting at {@code wallClock}, for wall-clock punctuation. */
  static TopologyTestDriver application(Path stateDir, MeterRegistry metrics, Instant wallClock) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(DeadLetterHandler.METRICS, metrics);
    return new TopologyTestDriver(StreamsService.topology(ReferenceDataLoader.demo(), ScoringTables.defaultTable(),
        AlertRules.defaultRules(), metrics), props, wallClock);
  }
}
