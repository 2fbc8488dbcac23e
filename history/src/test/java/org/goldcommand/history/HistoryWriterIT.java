package org.goldcommand.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A trust pressure and its parameters are one event: stored together, counted once, refused together. */
@ExtendWith(RealPostgres.class)
class HistoryWriterIT {

  final Instant ten = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aPressureWhoseParameterTheDatabaseRefusesIsLeftOutWholeAndItsNeighboursLand(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();
    TrustParameterRow refusedParameter = new TrustParameterRow("bad", "RXN", "QE1", "meanHandoverMinutes", ten, 40.0,
        "min\u0000utes", 3, 15.0, 10.0);
    HistoryWriter writer = new HistoryWriter(db.dataSource());

    HistoryWriter.Result result = writer.write(List.of(
        MigrationsIT.pressure("good", "RXN", ten, 90.0, null, 40.0, 2, MigrationsIT.parameter("good", "RXN", ten, 20.0, 2)),
        MigrationsIT.pressure("bad", "RXN", ten, 91.0, null, 50.0, 3, refusedParameter)));

    assertThat(result.stored()).isEqualTo(1);
    assertThat(result.refused()).singleElement().satisfies(r -> {
      assertThat(r.eventId()).isEqualTo("bad");
      assertThat(r.sourceTopic()).isEqualTo(Topics.TRUST_PRESSURE.name());
    });
    assertThat(MigrationsIT.rows(db, "SELECT event_id FROM trust_pressure")).containsExactly("good");
    assertThat(MigrationsIT.rows(db, "SELECT event_id, value FROM trust_parameter")).containsExactly("good|20");
  }

  @Test
  void writingAPressureAgainAddsNeitherItNorItsParameters(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();
    HistoryWriter writer = new HistoryWriter(db.dataSource());
    TrustPressureRow pressure = MigrationsIT.pressure("p", "RXN", ten, 90.0, null, 40.0, 2,
        MigrationsIT.parameter("p", "RXN", ten, 20.0, 2));

    assertThat(writer.write(List.of(pressure)).stored()).isEqualTo(1);
    assertThat(writer.write(List.of(pressure, pressure)).stored()).isZero();
    assertThat(MigrationsIT.rows(db, "SELECT count(*) FROM trust_parameter")).containsExactly("1");
  }
}
