package org.goldcommand.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.goldcommand.events.validation.Violation;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  final CsvRecords reader = CsvRecords.forSchema("schemas/sitrep.v1.json");

  RecordReader.Records read(String csv) {
    return reader.read(csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachRowIsAReturnWithHeadersAsJsonPathsAndNumbersWhereTheSchemaSaysSo() {
    RecordReader.Records records = read("""
        submissionId,orgCode,asAt,beds.gaCoreOpen,beds.gaOccupied,staffAbsencePct,comments
        0042,RXN,2026-11-24T08:00:00Z,700,690,6.1,"Ward 4 closed, norovirus"
        ,RXL,2026-11-24T08:00:00Z,690,650,,
        """);
    assertThat(records.problems()).isEmpty();
    assertThat(records.records()).hasSize(2);
    var first = records.records().get(0);
    assertThat(first.get("submissionId").isTextual()).isTrue();
    assertThat(first.get("submissionId").asText()).isEqualTo("0042");
    assertThat(first.at("/beds/gaOccupied").isNumber()).isTrue();
    assertThat(first.at("/beds/gaOccupied").asInt()).isEqualTo(690);
    assertThat(first.get("comments").asText()).isEqualTo("Ward 4 closed, norovirus");
    assertThat(records.records().get(1).has("submissionId")).isFalse();
    assertThat(records.records().get(1).has("staffAbsencePct")).isFalse();
  }

  @Test
  void aCellThatIsNotANumberStaysTextSoTheSchemaNamesItsRowAndColumn() {
    var record = read("orgCode,asAt,beds.gaCoreOpen,beds.gaOccupied\nRXN,2026-11-24T08:00:00Z,seven hundred,690\n")
        .records().get(0);
    assertThat(record.at("/beds/gaCoreOpen").asText()).isEqualTo("seven hundred");
  }

  @Test
  void malformedCsvIsRefusedWithThePlace() {
    assertThat(read("orgCode,asAt\nRXN,\"2026-11-24\n").problems()).extracting(Violation::message)
        .anyMatch(m -> m.contains("never closed"));
    assertThat(read("orgCode,asAt\nRXN\n").problems()).extracting(Violation::message)
        .containsExactly("row 1 has 1 cells; the header has 2");
    assertThat(read("orgCode,orgCode\nRXN,RXN\n").problems()).extracting(Violation::message)
        .containsExactly("column orgCode appears twice");
    assertThat(read("orgCode,asAt\n").problems()).extracting(Violation::message)
        .containsExactly("needs a header row and at least one return");
    assertThat(read("orgCode,asAt\nR\"XN,x\n").problems()).extracting(Violation::message)
        .anyMatch(m -> m.contains("quote in the middle"));
  }
}
