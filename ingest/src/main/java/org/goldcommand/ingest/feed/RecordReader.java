package org.goldcommand.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.goldcommand.events.validation.Violation;

/**
 * Turns a request body of one media type into JSON records. A body that cannot be read at all is
 * reported with the position of the problem (line, row and column), never as a server error.
 */
public interface RecordReader {

  /** The records read, or the reasons the body could not be read. */
  record Records(List<JsonNode> records, boolean batch, List<Violation> problems) {

    static Records of(List<JsonNode> records, boolean batch) {
      return new Records(records, batch, List.of());
    }

    static Records unreadable(List<Violation> problems) {
      return new Records(List.of(), false, problems);
    }
  }

  /** Reads a whole body. */
  Records read(byte[] body);
}
