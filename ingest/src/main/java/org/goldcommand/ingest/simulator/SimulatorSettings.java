package org.goldcommand.ingest.simulator;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.reference.synthetic.SyntheticReferenceData;
import org.goldcommand.platform.Settings;

/**
 * The scenario simulator's settings, read from {@code GC_SIMULATOR_*} and checked all at once
 * before anything starts.
 *
 * @param scenario which system: Lancashire and South Cumbria, or the synthetic national set
 * @param ingestUrl ingest's HTTP base address
 * @param apiKey a feed key bound to every organisation simulated
 * @param speed simulated seconds per real second (1 = real time, 60 = an hour a minute)
 * @param seed the same seed gives the same day
 * @param startHour the simulated hour the run starts at; {@code null}: at speed 1 the hour it is now, else 00:00
 * @param runHours simulated hours to run from the start, then stop; 0 runs on
 * @param hl7 whether ADT goes over MLLP
 * @param mllpHost the MLLP listener's host
 * @param mllpPort the MLLP listener's port
 * @param fhir whether every fourth trust sends attendances as FHIR Encounters
 * @param referenceFile reference data to simulate instead of the scenario's own (the file ingest loads)
 * @param norovirusTrust the trust with the norovirus closure, or {@code null} for the scenario's choice
 * @param fridgeFailureSite the site whose fridge fails, or {@code null} for the scenario's choice
 */
public record SimulatorSettings(Scenarios scenario, URI ingestUrl, String apiKey, int speed, long seed,
    Integer startHour, int runHours, boolean hl7, String mllpHost, int mllpPort, boolean fhir, Path referenceFile,
    String norovirusTrust, String fridgeFailureSite) {

  /** The scenarios there are, by the name {@code GC_SIMULATOR_SCENARIO} takes. */
  public enum Scenarios {
    LSC_WINTER_DAY("lsc-winter-day"), NATIONAL("national");

    private final String label;

    Scenarios(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The seed of the national reference data the simulator uses when given no file. */
  public static final long NATIONAL_REFERENCE_SEED = 1L;

  /** Reads and validates every {@code GC_SIMULATOR_*} setting, throwing with all problems at once. */
  public static SimulatorSettings from(Settings settings) {
    String scenarioName = settings.text("GC_SIMULATOR_SCENARIO", Scenarios.LSC_WINTER_DAY.label());
    Scenarios scenario = Scenarios.LSC_WINTER_DAY;
    boolean known = false;
    for (Scenarios s : Scenarios.values()) {
      if (s.label().equals(scenarioName.toLowerCase(Locale.ROOT))) {
        scenario = s;
        known = true;
      }
    }
    if (!known) {
      settings.problem("GC_SIMULATOR_SCENARIO=" + scenarioName + " is not one of lsc-winter-day, national");
    }
    String url = settings.text("GC_SIMULATOR_INGEST_URL", "http://localhost:8081");
    URI ingest = URI.create("http://localhost:8081");
    try {
      ingest = URI.create(url);
      if (ingest.getHost() == null || !ingest.getScheme().startsWith("http")) {
        settings.problem("GC_SIMULATOR_INGEST_URL=" + url + " is not an http(s) URL with a host");
      }
    } catch (IllegalArgumentException e) {
      settings.problem("GC_SIMULATOR_INGEST_URL=" + url + " is not a URL");
    }
    String key = settings.text("GC_SIMULATOR_API_KEY", null);
    if (key == null) {
      settings.problem("GC_SIMULATOR_API_KEY is required: a feed key bound to every simulated organisation");
    }
    String reference = settings.text("GC_SIMULATOR_REFERENCE_FILE", null);
    if (reference != null && !Files.isReadable(Path.of(reference))) {
      settings.problem("GC_SIMULATOR_REFERENCE_FILE=" + reference + " is not a readable file");
    }
    SimulatorSettings result = new SimulatorSettings(scenario, ingest, key,
        settings.integer("GC_SIMULATOR_SPEED", 60, 1, 3_600),
        settings.integer("GC_SIMULATOR_SEED", 2026, 0, Integer.MAX_VALUE),
        settings.text("GC_SIMULATOR_START_HOUR", null) == null ? null
            : settings.integer("GC_SIMULATOR_START_HOUR", 0, 0, 23),
        settings.integer("GC_SIMULATOR_RUN_HOURS", 0, 0, 24 * 365),
        flag(settings, "GC_SIMULATOR_HL7_ENABLED", true),
        settings.text("GC_SIMULATOR_MLLP_HOST", "localhost"),
        settings.port("GC_SIMULATOR_MLLP_PORT", 2575),
        flag(settings, "GC_SIMULATOR_FHIR_ENABLED", true),
        reference == null ? null : Path.of(reference),
        settings.text("GC_SIMULATOR_NOROVIRUS_TRUST", null),
        settings.text("GC_SIMULATOR_FRIDGE_FAILURE_SITE", null));
    settings.validate();
    return result;
  }

  /** The organisations and sites to simulate. */
  public ReferenceData reference() {
    if (referenceFile != null) {
      return ReferenceDataLoader.fromFile(referenceFile);
    }
    return scenario == Scenarios.NATIONAL
        ? SyntheticReferenceData.generate(SyntheticReferenceData.Spec.national(NATIONAL_REFERENCE_SEED))
        : ReferenceDataLoader.demo();
  }

  private static boolean flag(Settings settings, String name, boolean fallback) {
    String value = settings.text(name, null);
    if (value == null) {
      return fallback;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> {
        return true;
      }
      case "false", "off", "no", "0" -> {
        return false;
      }
      default -> {
        settings.problem(name + "=" + value + " is not true or false");
        return fallback;
      }
    }
  }
}
