package org.goldcommand.ingest.feed;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 parser: a malformed quote is an error naming its row, never a silent guess. */
final class CsvParser {

  private CsvParser() {}

  /** Rows of cells; blank lines are skipped. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    int line = 1;
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (ch == '\n') {
            line++;
          }
          cell.append(ch);
        }
      } else if (ch == '"') {
        if (cell.length() > 0 || afterQuote) {
          throw new IllegalArgumentException("line " + line + ": a quote in the middle of a cell; quote the whole cell");
        }
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        afterQuote = false;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
          i++;
        }
        endRow(rows, row, cell);
        row = new ArrayList<>();
        afterQuote = false;
        line++;
      } else {
        if (afterQuote) {
          throw new IllegalArgumentException("line " + line + ": text after a closing quote");
        }
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + line + ": a quoted cell is never closed");
    }
    endRow(rows, row, cell);
    return rows;
  }

  private static void endRow(List<List<String>> rows, List<String> row, StringBuilder cell) {
    row.add(cell.toString());
    cell.setLength(0);
    if (!(row.size() == 1 && row.get(0).isBlank())) {
      rows.add(row);
    }
  }
}
