package org.goldcommand.streams.domain.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Reads scoring tables from YAML, refusing one that is incomplete or contradicts itself. */
public final class ScoringTables {

  /** The illustrative default shipped with Gold Command. */
  public static final String DEFAULT_RESOURCE = "scoring/opel-default.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ScoringTables() {}

  /** The default table. */
  public static ScoringTable defaultTable() {
    try (InputStream in = ScoringTables.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      return checked(YAML.readValue(in, ScoringTable.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the default scoring table", e);
    }
  }

  /** A table from a file. */
  public static ScoringTable fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return checked(YAML.readValue(in, ScoringTable.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the scoring table " + file, e);
    }
  }

  private static ScoringTable checked(ScoringTable table) {
    if (table.version() == null || table.version().isBlank()) {
      throw new IllegalArgumentException("A scoring table needs a version");
    }
    Set<String> names = new HashSet<>();
    table.parameters().forEach(p -> {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("Parameter " + p.name() + " appears twice in scoring table " + table.version());
      }
    });
    ScoringTable.Levels l = table.levels();
    if (!(0 < l.opel2() && l.opel2() < l.opel3() && l.opel3() < l.opel4() && l.opel4() <= 100)) {
      throw new IllegalArgumentException("Scoring table " + table.version() + " needs 0 < opel2 < opel3 < opel4 <= 100");
    }
    return table;
  }
}
