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

  /**
   * Newline-delimited JSON; blank lines are ignored, every unreadable line is named. Lines are found
   * by scanning the bytes for {@code \n} (dropping a {@code \r} before it), which splits exactly
   * where decoding the body and splitting on {@code \r?\n} would; a line of plain ASCII is parsed
   * in place, and any other line, or one that fails, is decoded and parsed as text, so what is read
   * and every error message are those of the text.
   */
  public static RecordReader ndjson() {
    return body -> {
      List<JsonNode> records = new ArrayList<>();
      List<Violation> problems = new ArrayList<>();
      int line = 0;
      int start = 0;
      while (true) {
        int newline = indexOfNewline(body, start);
        int end = newline < 0 ? body.length : newline > start && body[newline - 1] == '\r' ? newline - 1 : newline;
        line++;
        readLine(body, start, end, line, records, problems);
        if (newline < 0) {
          break;
        }
        start = newline + 1;
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

  private static int indexOfNewline(byte[] body, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Reads the line {@code body[from, to)}, numbered {@code line}, into a record or a problem. */
  private static void readLine(byte[] body, int from, int to, int line, List<JsonNode> records,
      List<Violation> problems) {
    boolean blank = true;
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b < 0) {
        readText(new String(body, from, to - from, StandardCharsets.UTF_8), line, records, problems);
        return;
      }
      blank &= Character.isWhitespace(b);
    }
    if (blank) {
      return;
    }
    try {
      records.add(Json.mapper().readTree(body, from, to - from));
    } catch (IOException e) {
      readText(new String(body, from, to - from, StandardCharsets.US_ASCII), line, records, problems);
    }
  }

  private static void readText(String raw, int line, List<JsonNode> records, List<Violation> problems) {
    if (raw.isBlank()) {
      return;
    }
    try {
      records.add(Json.mapper().readTree(raw));
    } catch (IOException e) {
      problems.add(new Violation("[" + line + "]", "line " + line + " is not valid JSON: " + brief(e)));
    }
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
