package org.goldcommand.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.validation.Violation;
import org.junit.jupiter.api.Test;

class JsonRecordsTest {

  /** The reader as it was before it scanned bytes: decode, split on a regular expression, parse each line. */
  static RecordReader.Records byText(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<JsonNode> records = new ArrayList<>();
    List<Violation> problems = new ArrayList<>();
    int line = 0;
    for (String raw : text.split("\r?\n", -1)) {
      line++;
      if (raw.isBlank()) {
        continue;
      }
      try {
        records.add(Json.mapper().readTree(raw));
      } catch (IOException e) {
        problems.add(new Violation("[" + line + "]", "line " + line + " is not valid JSON: " + JsonRecords.brief(e)));
      }
    }
    if (!problems.isEmpty()) {
      return RecordReader.Records.unreadable(problems);
    }
    if (records.isEmpty()) {
      return RecordReader.Records.unreadable(List.of(new Violation("", "has no records")));
    }
    return RecordReader.Records.of(records, true);
  }

  static void assertSameAsText(byte[] body) {
    assertThat(JsonRecords.ndjson().read(body)).isEqualTo(byText(body));
  }

  @Test
  void linesBlanksAndErrorsAreReadExactlyAsTheTextReaderReadThem() {
    List<String> bodies = List.of("", "\n", "\r\n", " \t\n\u000b\f\u001c\n", "{\"a\":1}", "{\"a\":1}\n",
        "{\"a\":1}\r\n{\"b\":[1,2.50,\"x\"]}\r\n\r\n", "{\"a\":1}\r\r\n{\"b\":2}\r", "{\"a\":", "{\"a\":1}\n{\"a\":\n[1",
        "nope\n{\"a\":1}\n{\"a\":1}}", "{\"a\":\"caf\u00e9 \u2028\"}\n{\"b\":\"\u00e9\"", "\ufeff{\"a\":1}", "{\"a\":1} {\"b\":2}",
        "{\"a\":\"\\u0000\"}\n\"text\"\n42\nnull", "{\"a\":1e999}\n{\"a\":-0}\n{\"a\":12345678901234567890123}",
        "{\"a\":1,\"a\":2}\n\u0000", "{'a':1}\n[1,]\n{\"a\":tru}");
    for (String body : bodies) {
      assertSameAsText(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void malformedUtf8IsReadExactlyAsTheTextReaderReadIt() {
    byte[][] bodies = {
        {'{', '"', 'a', '"', ':', '"', (byte) 0xe2, (byte) 0x82, '"', '}', '\n', '{', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xe2, (byte) 0x82, '\n', '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}', '\r', '\n', (byte) 0xff},
    };
    for (byte[] body : bodies) {
      assertSameAsText(body);
    }
  }

  @Test
  void randomBodiesAreReadExactlyAsTheTextReaderReadThem() {
    Random random = new Random(7);
    byte[] alphabet = "{}[]\":,01 \t\r\nabnulltrue-.e\\\u00e9".getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < 3_000; n++) {
      byte[] body = new byte[random.nextInt(40)];
      for (int i = 0; i < body.length; i++) {
        body[i] = random.nextInt(20) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
      }
      assertSameAsText(body);
    }
  }
}
