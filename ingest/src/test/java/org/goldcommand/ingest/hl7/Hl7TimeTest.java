package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7TimeTest {

  @ParameterizedTest
  @CsvSource({
      "202411011230, 2024-11-01T12:30:00Z",
      "20241101123045, 2024-11-01T12:30:45Z",
      "20241101123045.5, 2024-11-01T12:30:45.5Z",
      "20241101123045.1234, 2024-11-01T12:30:45.1234Z",
      "20240715123000, 2024-07-15T11:30:00Z",
      "20240715123000+0100, 2024-07-15T11:30:00Z",
      "20241101123000-0500, 2024-11-01T17:30:00Z",
      "20241101123000+0000, 2024-11-01T12:30:00Z",
      "202411011230+0530, 2024-11-01T07:00:00Z",
      // 01:30 happens twice when the clocks go back; the first (BST) is taken.
      "20241027013000, 2024-10-27T00:30:00Z",
      // 01:30 does not happen when the clocks go forward; it is read as 02:30 BST.
      "20240331013000, 2024-03-31T01:30:00Z",
  })
  void readsTimestampsWithAndWithoutOffsets(String value, String expected) {
    assertThat(Hl7Time.parse(value, Hl7Time.LONDON)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2024", "20241101", "2024110112", "notadate", "20241301120000", "20241132120000",
      "20241101250000", "20241101126000", "20241101120000+2500", "20241101120000Z", "20241101 120000",
      "20241101120000.12345", "2024-11-01T12:00:00Z"})
  void refusesWhatIsNotATimestampToTheMinute(String value) {
    assertThat(Hl7Time.parse(value, Hl7Time.LONDON)).isEmpty();
  }
}
