package org.goldcommand.ingest.hl7;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;

/**
 * The HL7 senders allowed to connect. MLLP carries no credentials, so a message is trusted only as
 * far as its MSH-4 sending facility (and MSH-3 application, and optionally the address it came
 * from) matches a registration here, and only for the organisations registered with it. Loaded
 * from a YAML file; the demo set ({@value #DEMO_RESOURCE}) registers one facility per demo trust.
 */
public final class Hl7Senders {

  /** The demo registrations on the classpath, for the demo profile only. */
  public static final String DEMO_RESOURCE = "hl7/senders.yaml";

  private static final Pattern FACILITY = Pattern.compile("[A-Za-z0-9._-]{1,40}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, Hl7Sender> byFacility;

  private Hl7Senders(Map<String, Hl7Sender> byFacility) {
    this.byFacility = Map.copyOf(byFacility);
  }

  /** The demo registrations. */
  public static Hl7Senders demo() {
    try (InputStream in = Hl7Senders.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEMO_RESOURCE + " is missing from the classpath");
      }
      return read(in, DEMO_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registrations from a file (format as {@value #DEMO_RESOURCE}). */
  public static Hl7Senders fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read HL7 senders from " + file, e);
    }
  }

  /** The sender registered for an MSH-4 facility (compared without regard to case). */
  Optional<Hl7Sender> find(String facility) {
    return Optional.ofNullable(byFacility.get(facility.toUpperCase(Locale.ROOT)));
  }

  /**
   * Problems with the registrations against the reference data in force: unknown organisations,
   * and default or aliased sites that are unknown or belong to another organisation.
   */
  List<String> problems(ReferenceData reference) {
    List<String> problems = new ArrayList<>();
    for (Hl7Sender sender : byFacility.values()) {
      for (String org : sender.organisations()) {
        if (reference.organisation(org).isEmpty()) {
          problems.add("HL7 sender " + sender.facility() + ": organisation " + org + " is not in the reference data");
        }
      }
      List<String> sites = new ArrayList<>(sender.siteAliases().values());
      if (sender.defaultSite() != null) {
        sites.add(sender.defaultSite());
      }
      for (String site : sites) {
        Optional<String> owner = reference.ownerOfSite(site).map(Organisation::code);
        if (owner.isEmpty() || !sender.mayActFor(owner.get())) {
          problems.add("HL7 sender " + sender.facility() + ": site " + site + " is "
              + owner.map(o -> "owned by " + o + ", which it is not registered for")
                  .orElse("not in the reference data"));
        }
      }
    }
    return problems;
  }

  private static Hl7Senders read(InputStream in, String source) throws IOException {
    SendersFile file;
    try {
      file = YAML.readValue(in, SendersFile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid HL7 senders in " + source + ": " + e.getOriginalMessage(), e);
    }
    List<String> problems = new ArrayList<>();
    Map<String, Hl7Sender> byFacility = new LinkedHashMap<>();
    for (Entry entry : file.senders() == null ? List.<Entry>of() : file.senders()) {
      try {
        Hl7Sender sender = entry.toSender();
        if (byFacility.put(sender.facility().toUpperCase(Locale.ROOT), sender) != null) {
          problems.add("facility " + sender.facility() + " is registered twice");
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid HL7 senders in " + source + ": " + String.join("; ", problems));
    }
    return new Hl7Senders(byFacility);
  }

  private record SendersFile(List<Entry> senders) {}

  private record Entry(String facility, List<String> applications, List<String> organisations, String defaultSite,
      Map<String, String> siteAliases, List<String> addresses) {

    Hl7Sender toSender() {
      if (facility == null || !FACILITY.matcher(facility).matches()) {
        throw new IllegalArgumentException(
            "facility '" + facility + "' must be 1 to 40 letters, digits, '.', '_' or '-'");
      }
      if (organisations == null || organisations.isEmpty()) {
        throw new IllegalArgumentException("facility " + facility + " has no organisations");
      }
      Set<String> apps = applications == null ? Set.of()
          : applications.stream().map(a -> a.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
      Map<String, String> aliases = siteAliases == null ? Map.of()
          : siteAliases.entrySet().stream().collect(Collectors.toMap(
              e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
      List<AddressRange> ranges = addresses == null ? List.of() : addresses.stream().map(AddressRange::parse).toList();
      return new Hl7Sender(facility, apps, organisations, defaultSite, aliases, ranges);
    }
  }
}
