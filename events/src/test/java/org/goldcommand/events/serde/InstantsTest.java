package org.goldcommand.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {

  @Property
  void everyInstantAsJavaWritesItReadsBackExactly(@ForAll("instants") Instant instant) {
    assertThat(Instants.parseUtc(instant.toString())).isEqualTo(instant);
  }

  @Property
  void anyTextItReadsMeansWhatJavaReadsItAs(@ForAll("nearlyInstants") String text) {
    Instant fast = Instants.parseUtc(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-24T24:00:00Z",
      "2026-11-24T10:00:00", "2026-11-24T10:00:00+01:00", "2026-11-24T10:00:00.Z", "2026-11-24 10:00:00Z",
      "2026-11-24T10:00:00.1234567890Z", "2016-12-31T23:59:60Z", "+2026-11-24T10:00:00Z"})
  void otherShapesAreLeftToJacksonsOwnReader(String text) {
    assertThat(Instants.parseUtc(text)).isNull();
  }

  @Test
  void theSharedMapperReadsTheCommonShapeAndStillAcceptsOthersOrRefusesNonsense() throws Exception {
    record At(Instant at) {}
    assertThat(Json.mapper().readValue("{\"at\":\"2026-11-24T09:15:00.5Z\"}", At.class).at())
        .isEqualTo(Instant.parse("2026-11-24T09:15:00.500Z"));
    assertThat(Json.mapper().readValue("{\"at\":\"2026-11-24T10:15:00+01:00\"}", At.class).at())
        .isEqualTo(Instant.parse("2026-11-24T09:15:00Z"));
    assertThatThrownBy(() -> Json.mapper().readValue("{\"at\":\"2026-02-30T10:00:00Z\"}", At.class))
        .isInstanceOf(JsonMappingException.class).hasRootCauseInstanceOf(DateTimeParseException.class);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
        Instant.parse("2199-12-31T23:59:59Z").getEpochSecond());
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
        .map(ms -> ms * 1_000_000), Arbitraries.integers().between(0, 999_999_999));
    return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
  }

  @Provide
  Arbitrary<String> nearlyInstants() {
    return instants().flatMap(i -> Arbitraries.integers().between(0, 20).flatMap(pos ->
        Arbitraries.chars().with('0', '9', '1', 'Z', ':', '-', '.', 'T', 'x').map(c -> {
          String text = i.toString();
          int at = Math.min(pos, text.length() - 1);
          return text.substring(0, at) + c + text.substring(at + 1);
        })));
  }
}
