package org.goldcommand.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.goldcommand.ingest.hl7.Hl7Config;
import org.goldcommand.platform.Profile;
import org.goldcommand.platform.Settings;

/**
 * Ingest's settings, read from the environment and checked before anything starts (see
 * {@code docs/configuration.md}).
 *
 * @param profile demo or production
 * @param host the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port HTTP port for feeds
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param apiKeysFile the API key file; demo keys are used when absent in the demo profile
 * @param referenceFile reference data file; the demo set is used when absent
 * @param maxBodyBytes largest request body accepted before answering 413
 * @param corsOrigins web origins allowed to call ingest from a browser (the submission form)
 * @param replicationFactor replication of topics ingest creates when they are missing
 * @param hl7 the HL7 v2 MLLP listener's settings, or null when it is switched off
 */
public record IngestConfig(
    Profile profile, String host, int port, String kafkaBootstrap, Path apiKeysFile, Path referenceFile, int maxBodyBytes,
    List<String> corsOrigins, int replicationFactor, Hl7Config hl7) {

  /** Reads and validates the settings, throwing with every problem at once. */
  public static IngestConfig from(Settings settings) {
    Profile profile = Profile.from(settings);
    String keys = settings.text("GC_INGEST_API_KEYS_FILE", null);
    String reference = settings.text("GC_REFERENCE_FILE", null);
    IngestConfig config = new IngestConfig(
        profile,
        settings.text("GC_BIND_HOST", "0.0.0.0"),
        settings.port("GC_INGEST_PORT", 8081),
        settings.text("GC_KAFKA_BOOTSTRAP", "localhost:9092"),
        keys == null ? null : Path.of(keys),
        reference == null ? null : Path.of(reference),
        settings.integer("GC_INGEST_MAX_BODY_BYTES", 1_048_576, 1_024, 64 * 1_048_576),
        List.of(settings.text("GC_INGEST_CORS_ORIGINS", "http://localhost:8080").split("\\s*,\\s*")),
        settings.integer("GC_KAFKA_REPLICATION_FACTOR", 1, 1, 9),
        settings.flag("GC_HL7_ENABLED", true) ? Hl7Config.from(settings) : null);
    if (config.apiKeysFile() == null && profile != Profile.DEMO) {
      settings.problem("GC_INGEST_API_KEYS_FILE is required outside the demo profile (GC_PROFILE=demo)");
    }
    if (config.apiKeysFile() != null && !Files.isReadable(config.apiKeysFile())) {
      settings.problem("GC_INGEST_API_KEYS_FILE=" + keys + " is not a readable file");
    }
    if (config.referenceFile() != null && !Files.isReadable(config.referenceFile())) {
      settings.problem("GC_REFERENCE_FILE=" + reference + " is not a readable file");
    }
    settings.validate();
    return config;
  }
}
