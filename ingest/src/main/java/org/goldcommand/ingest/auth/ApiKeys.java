package org.goldcommand.ingest.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The feed API keys in force. Only SHA-256 hashes are stored, so a leaked key file gives nobody a
 * working key. The demo keys are public (they are printed at start-up), so a non-demo deployment
 * refuses any file containing one.
 */
public final class ApiKeys {

  /** The demo key file on the classpath. */
  public static final String DEMO_RESOURCE = "demo/api-keys.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, ApiClient> byHash;

  private ApiKeys(Map<String, ApiClient> byHash) {
    this.byHash = Map.copyOf(byHash);
  }

  /** The demo keys, for the demo profile only. */
  public static ApiKeys demo() {
    try (InputStream in = ApiKeys.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keys from a file, refusing any demo key in it. */
  public static ApiKeys fromFile(Path file) {
    ApiKeys keys;
    try (InputStream in = Files.newInputStream(file)) {
      keys = read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read API keys from " + file, e);
    }
    Set<String> demoHashes = demo().byHash.keySet();
    for (String hash : keys.byHash.keySet()) {
      if (demoHashes.contains(hash)) {
        throw new IllegalStateException("API key file " + file + " contains a public demo key ("
            + keys.byHash.get(hash).name() + "); demo keys are allowed only with GC_PROFILE=demo");
      }
    }
    return keys;
  }

  /** The client holding this key, if the key is known. */
  public Optional<ApiClient> authenticate(String presentedKey) {
    if (presentedKey == null || presentedKey.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byHash.get(hash(presentedKey)));
  }

  /** The stored form of a key: lower-case hex SHA-256 of its UTF-8 bytes. */
  public static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static ApiKeys read(InputStream in) throws IOException {
    KeyFile file = YAML.readValue(in, KeyFile.class);
    Map<String, ApiClient> byHash = new HashMap<>();
    for (Entry entry : file.keys()) {
      if (entry.sha256() == null || !entry.sha256().matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("API key " + entry.name() + " has no valid sha256 hash");
      }
      byHash.put(entry.sha256(), new ApiClient(entry.name(), Set.copyOf(entry.organisations())));
    }
    return new ApiKeys(byHash);
  }

  private record KeyFile(List<Entry> keys) {}

  private record Entry(String name, String sha256, List<String> organisations) {}
}
