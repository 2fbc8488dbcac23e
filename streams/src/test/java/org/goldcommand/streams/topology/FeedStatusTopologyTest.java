package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.TopologyTestDriver;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.status.Rejection;
import org.goldcommand.events.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStatusTopologyTest {

  static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

  @TempDir
  Path stateDir;

  TopologyTestDriver driver;

  @BeforeEach
  void start() {
    driver = TestDrivers.application(stateDir, new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void siteFeedsAndRefusalsAddUpToTheOrganisationsFeedStatus() {
    var snapshots = driver.createInputTopic(Topics.ED_SNAPSHOTS.name(), Topics.ED_SNAPSHOTS.keySerde().serializer(),
        Topics.ED_SNAPSHOTS.valueSerde().serializer());
    var rejections = driver.createInputTopic(Topics.REJECTIONS.name(), Topics.REJECTIONS.keySerde().serializer(),
        Topics.REJECTIONS.valueSerde().serializer());
    var status = driver.createOutputTopic(Topics.FEED_STATUS.name(), Topics.FEED_STATUS.keySerde().deserializer(),
        Topics.FEED_STATUS.valueSerde().deserializer());

    EdSnapshot snapshot = new EdSnapshot("RXN02", AT, 100, 90, 40, 9, 22, 7, null, null, 6, 180, 60);
    snapshots.pipeInput("RXN02", Envelope.of("ed-snapshot/1", "/ingest/ed-snapshot", "org.goldcommand.ed-snapshot.v1",
        "RXN02", AT, AT.plusSeconds(5), snapshot), AT);
    snapshots.pipeInput("RXN01", Envelope.of("ed-snapshot/2", "/ingest/ed-snapshot", "org.goldcommand.ed-snapshot.v1",
        "RXN01", AT.plusSeconds(60), AT.plusSeconds(65), snapshot), AT);
    rejections.pipeInput("RXN", new Rejection("RXN", "ed-snapshot", AT.plusSeconds(90), "400", "bad field"), AT);
    var beds = driver.createInputTopic(Topics.BED_EVENTS.name(), Topics.BED_EVENTS.keySerde().serializer(),
        Topics.BED_EVENTS.valueSerde().serializer());
    beds.pipeInput("RXL01", Envelope.of("bed-event/RXL/1", "/ingest/hl7/RXL", "org.goldcommand.bed-event.v1", "RXL01",
        AT, AT.plusSeconds(1), new BedEvent("1", "RXL01", "W1", null, null, BedEvent.Movement.ADMIT, "I", null, AT,
            "A01")), AT);

    assertThat(status.isEmpty()).as("activity is combined, then sent on by the clock").isTrue();
    driver.advanceWallClockTime(FeedStatusTopology.FLUSH_EVERY);
    Map<String, FeedStatus> latest = status.readKeyValuesToMap();
    FeedStatus rxn = latest.get("RXN/ed-snapshot");
    assertThat(rxn.acceptedToday()).isEqualTo(2);
    assertThat(rxn.rejectedToday()).isEqualTo(1);
    assertThat(rxn.lastReceivedAt()).isEqualTo(AT.plusSeconds(65));
    assertThat(rxn.lastBusinessTime()).isEqualTo(AT.plusSeconds(60));
    assertThat(rxn.lastRejection()).isEqualTo("400 bad field");
    assertThat(rxn.systemCode()).isEqualTo("QE1");
    assertThat(latest.get("RXL/bed-event").acceptedToday()).isEqualTo(1);

    snapshots.pipeInput("RXN02", Envelope.of("ed-snapshot/3", "/ingest/ed-snapshot", "org.goldcommand.ed-snapshot.v1",
        "RXN02", AT.plusSeconds(120), AT.plusSeconds(125), snapshot), AT);
    driver.advanceWallClockTime(FeedStatusTopology.FLUSH_EVERY);
    FeedStatus next = status.readKeyValuesToMap().get("RXN/ed-snapshot");
    assertThat(next.acceptedToday()).as("the next batch adds to the day's counts").isEqualTo(3);
    assertThat(next.rejectedToday()).isEqualTo(1);
    assertThat(next.lastReceivedAt()).isEqualTo(AT.plusSeconds(125));
  }
}
