package org.goldcommand.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.validation.Violation;

/**
 * The JSON body readers: {@code application/json} (one object, or an array of them) and
 * {@code application/x-ndjson} (one object per line, the natural shape for event batches).
 */
public final class JsonRecords {

  private JsonRecords() {}

  /** One object or an array of objects. */
  public static RecordReader json() {
    return body -> {
      JsonNode node;
      try {
        node = Json.mapper().readTree(body);
      } catch (IOException e) {
        return RecordReader.Records.unreadable(List.of(new Violation("", "is not valid JSON: " + brief(e))));
      }
      if (node == null) {
        return RecordReader.Records.unreadable(List.of(new Violation("", "is empty")));
      }
      if (node.isArray()) {
        List<JsonNode> records = new ArrayList<>();
        node.forEach(records::add);
        return RecordReader.Records.of(records, true);
      }
      return RecordReader.Records.of(List.of(node), false);
    };
  }

  /** Newline-delimited JSON; blank lines are ignored, every unreadable line is named. */
  public static RecordReader ndjson() {
    return body -> {
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
          problems.add(new Violation("[" + line + "]", "line " + line + " is not valid JSON: " + brief(e)));
        }
      }
      if (!problems.isEmpty()) {
        return RecordReader.Records.unreadable(problems);
      }
      if (records.isEmpty()) {
        return RecordReader.Records.unreadable(List.of(new Violation("", "has no records")));
      }
      return RecordReader.Records.of(records, true);
    };
  }

  static String brief(IOException e) {
    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
