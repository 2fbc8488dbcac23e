package org.goldcommand.events.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads reference data from YAML: a file given by configuration, or the demo Lancashire and South
 * Cumbria set that ships on the classpath. A malformed file stops start-up with the reason, because
 * running on wrong reference data would put trusts in the wrong system.
 */
public final class ReferenceDataLoader {

  /** The demo system shipped with Gold Command. */
  public static final String DEMO_RESOURCE = "reference/lancashire-and-south-cumbria.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReferenceDataLoader() {}

  /** The demo reference data. */
  public static ReferenceData demo() {
    return fromClasspath(DEMO_RESOURCE);
  }

  /** Reference data from a classpath resource. */
  public static ReferenceData fromClasspath(String resource) {
    try (InputStream in = ReferenceDataLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No reference data on the classpath at " + resource);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference data " + resource, e);
    }
  }

  /** Reference data from a file. */
  public static ReferenceData fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference data " + file, e);
    }
  }

  private static ReferenceData read(InputStream in) throws IOException {
    File file = YAML.readValue(in, File.class);
    if (file.version() == null || file.version().isBlank()) {
      throw new IllegalArgumentException("Reference data has no version");
    }
    return new ReferenceData(file.version(), file.note(), file.systems());
  }

  private record File(String version, String note, List<HealthSystem> systems) {}
}
