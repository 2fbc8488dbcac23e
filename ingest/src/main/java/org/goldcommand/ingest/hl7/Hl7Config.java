package org.goldcommand.ingest.hl7;

import java.nio.file.Files;
import java.nio.file.Path;
import org.goldcommand.platform.Profile;
import org.goldcommand.platform.Settings;

/**
 * The MLLP listener's settings (see {@code docs/hl7.md}).
 *
 * @param host the interface to bind, {@code 0.0.0.0} for all
 * @param port the MLLP port (0 picks a free one)
 * @param maxMessageBytes the largest message read; a larger one is answered AR and its connection closed
 * @param stayRefSecret the HMAC secret behind stay references; whoever holds it can test visit numbers
 * @param sendersFile the sender registrations; null means the demo registrations (demo profile only)
 */
public record Hl7Config(String host, int port, int maxMessageBytes, String stayRefSecret, Path sendersFile) {

  /** The registered HL7 MLLP port. */
  public static final int DEFAULT_PORT = 2575;
  /** 1 MiB: far above any ADT message, far below what could hurt the process. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1_048_576;
  /** The stay reference secret of the demo profile: public, so refused anywhere else. */
  public static final String DEMO_STAY_REF_SECRET = "gold-command-demo-stay-reference-secret-not-for-real-data";

  private static final int MIN_SECRET = 32;

  public Hl7Config {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port");
    }
    if (maxMessageBytes < 1_024) {
      throw new IllegalArgumentException("maxMessageBytes must be at least 1024");
    }
    if (stayRefSecret == null || stayRefSecret.length() < MIN_SECRET) {
      throw new IllegalArgumentException("stayRefSecret must be at least " + MIN_SECRET + " characters");
    }
  }

  /** The demo settings on a port: all interfaces, 1 MiB, the demo secret and senders. */
  public static Hl7Config demo(int port) {
    return new Hl7Config("0.0.0.0", port, DEFAULT_MAX_MESSAGE_BYTES, DEMO_STAY_REF_SECRET, null);
  }

  /**
   * Reads {@code GC_HL7_HOST} (by default {@code GC_BIND_HOST}, like every other listener),
   * {@code GC_HL7_PORT}, {@code GC_HL7_MAX_MESSAGE_BYTES}, {@code GC_HL7_STAY_REF_SECRET} and
   * {@code GC_HL7_SENDERS_FILE}, recording problems on the settings for the caller's
   * {@link Settings#validate()}. The secret and senders file are required outside the demo
   * profile, and the demo secret is refused there.
   */
  public static Hl7Config from(Settings settings) {
    Profile profile = Profile.from(settings);
    String secret = settings.text("GC_HL7_STAY_REF_SECRET", profile == Profile.DEMO ? DEMO_STAY_REF_SECRET : null);
    if (secret == null) {
      settings.problem("GC_HL7_STAY_REF_SECRET is required outside the demo profile (GC_PROFILE=demo)");
    } else if (secret.length() < MIN_SECRET) {
      settings.problem("GC_HL7_STAY_REF_SECRET must be at least " + MIN_SECRET + " characters");
    } else if (profile != Profile.DEMO && secret.equals(DEMO_STAY_REF_SECRET)) {
      settings.problem("GC_HL7_STAY_REF_SECRET is the public demo secret; it is allowed only with GC_PROFILE=demo");
    }
    String senders = settings.text("GC_HL7_SENDERS_FILE", null);
    if (senders == null && profile != Profile.DEMO) {
      settings.problem("GC_HL7_SENDERS_FILE is required outside the demo profile (GC_PROFILE=demo)");
    }
    if (senders != null && !Files.isReadable(Path.of(senders))) {
      settings.problem("GC_HL7_SENDERS_FILE=" + senders + " is not a readable file");
    }
    boolean secretUsable = secret != null && secret.length() >= MIN_SECRET;
    return new Hl7Config(
        settings.text("GC_HL7_HOST", settings.text("GC_BIND_HOST", "0.0.0.0")),
        settings.port("GC_HL7_PORT", DEFAULT_PORT),
        settings.integer("GC_HL7_MAX_MESSAGE_BYTES", DEFAULT_MAX_MESSAGE_BYTES, 1_024, 64 * 1_048_576),
        secretUsable ? secret : DEMO_STAY_REF_SECRET,
        senders == null ? null : Path.of(senders));
  }

  /** The sender registrations this configuration names: the file's, or the demo set. */
  public Hl7Senders senders() {
    return sendersFile == null ? Hl7Senders.demo() : Hl7Senders.fromFile(sendersFile);
  }

  @Override
  public String toString() {
    return "Hl7Config[host=" + host + ", port=" + port + ", maxMessageBytes=" + maxMessageBytes
        + ", stayRefSecret=(hidden), sendersFile=" + sendersFile + "]";
  }
}
