package org.goldcommand.ingest.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.ingest.auth.ApiKeys;

/**
 * Writes an ingest API key file ({@code GC_INGEST_API_KEYS_FILE}) holding one key bound to every
 * organisation in a reference data file: what a national-scale simulation or load test needs,
 * since the demo keys cover only Lancashire and South Cumbria. Only the key's SHA-256 is written.
 *
 * <p>{@code java -cp ingest.jar org.goldcommand.ingest.simulator.SimulatorKeys keys.yaml <key> national.yaml}
 */
public final class SimulatorKeys {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SimulatorKeys() {}

  /** Writes {@code args[0]} with key {@code args[1]} bound to every organisation in the reference file {@code args[2]}. */
  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("Usage: SimulatorKeys <keys.yaml> <key> <reference.yaml>");
    }
    write(Path.of(args[0]), "Simulator", args[1], ReferenceDataLoader.fromFile(Path.of(args[2])).organisations()
        .stream().map(Organisation::code).toList());
  }

  /** Writes a key file with one key, stored hashed, bound to {@code organisations}. */
  public static void write(Path file, String name, String key, Collection<String> organisations) {
    Map<String, Object> entry = Map.of("name", name, "sha256", ApiKeys.hash(key), "organisations",
        List.copyOf(organisations));
    try {
      Files.writeString(file, YAML.writeValueAsString(Map.of("keys", List.of(entry))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a key file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
