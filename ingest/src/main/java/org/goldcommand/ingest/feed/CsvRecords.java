package org.goldcommand.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.validation.Violation;

/**
 * Reads {@code text/csv} (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into JSON records:
 * one record per row, header names are the records' JSON paths ({@code beds.gaOccupied}), an empty
 * cell is an absent field. Cells become numbers where the feed's schema says the field is a number,
 * text otherwise, so the schema then names each bad cell by row and column ({@code [3].beds.gaOccupied}).
 */
public final class CsvRecords implements RecordReader {

  private final JsonNode schema;

  private CsvRecords(JsonNode schema) {
    this.schema = schema;
  }

  /** A reader for the feed whose JSON Schema is at {@code schemaResource}. */
  public static CsvRecords forSchema(String schemaResource) {
    try (InputStream in = CsvRecords.class.getClassLoader().getResourceAsStream(schemaResource)) {
      return new CsvRecords(Json.mapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Records read(byte[] body) {
    List<List<String>> rows;
    try {
      rows = CsvParser.parse(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Records.unreadable(List.of(new Violation("", e.getMessage())));
    }
    if (rows.size() < 2) {
      return Records.unreadable(List.of(new Violation("", "needs a header row and at least one return")));
    }
    List<String> header = rows.get(0);
    List<Violation> problems = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).isBlank()) {
        problems.add(new Violation("", "column " + (c + 1) + " has no header"));
      } else if (header.indexOf(header.get(c)) != c) {
        problems.add(new Violation("", "column " + header.get(c) + " appears twice"));
      }
    }
    List<JsonNode> records = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() != header.size()) {
        problems.add(new Violation("[" + r + "]", "row " + r + " has " + row.size() + " cells; the header has "
            + header.size()));
        continue;
      }
      records.add(record(header, row));
    }
    return problems.isEmpty() ? Records.of(records, true) : Records.unreadable(problems);
  }

  private ObjectNode record(List<String> header, List<String> row) {
    ObjectNode record = Json.mapper().createObjectNode();
    for (int c = 0; c < header.size(); c++) {
      String cell = row.get(c).trim();
      if (cell.isEmpty()) {
        continue;
      }
      String[] path = header.get(c).trim().split("\\.");
      ObjectNode parent = record;
      for (int i = 0; i < path.length - 1; i++) {
        JsonNode child = parent.get(path[i]);
        parent = child instanceof ObjectNode o ? o : parent.putObject(path[i]);
      }
      String leaf = path[path.length - 1];
      if (numeric(path)) {
        try {
          parent.put(leaf, new BigDecimal(cell));
          continue;
        } catch (NumberFormatException e) {
          // left as text so the schema reports "string found, number expected" at this cell
        }
      }
      parent.put(leaf, cell);
    }
    return record;
  }

  /** Whether the schema types the field at this path as a number or integer. */
  private boolean numeric(String[] path) {
    JsonNode node = schema;
    for (String part : path) {
      node = node.path("properties").path(part);
    }
    JsonNode type = node.path("type");
    if (type.isTextual()) {
      return type.asText().equals("integer") || type.asText().equals("number");
    }
    for (JsonNode t : type) {
      if (t.asText().equals("integer") || t.asText().equals("number")) {
        return true;
      }
    }
    return false;
  }
}
