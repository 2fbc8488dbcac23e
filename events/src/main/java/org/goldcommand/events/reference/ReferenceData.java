package org.goldcommand.events.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned set of systems, organisations and sites in force. Loaded from a YAML data file
 * (never code) so a system adds a trust or corrects a bed base without a release.
 */
public final class ReferenceData {

  private final String version;
  private final String note;
  private final List<HealthSystem> systems;
  private final Map<String, Organisation> organisations = new LinkedHashMap<>();
  private final Map<String, Organisation> siteOwners = new LinkedHashMap<>();

  ReferenceData(String version, String note, List<HealthSystem> systems) {
    this.version = version;
    this.note = note;
    this.systems = List.copyOf(systems);
    for (HealthSystem system : systems) {
      for (Organisation org : system.organisations()) {
        Organisation placed = new Organisation(
            org.code(), org.name(), org.shortName(), org.type(), system.code(), org.sites());
        if (organisations.put(org.code(), placed) != null) {
          throw new IllegalArgumentException("Organisation " + org.code() + " appears twice in reference data");
        }
        for (Site site : org.sites()) {
          if (siteOwners.put(site.code(), placed) != null) {
            throw new IllegalArgumentException("Site " + site.code() + " appears twice in reference data");
          }
        }
      }
    }
  }

  /** The data file's version, quoted by everything derived from it. */
  public String version() {
    return version;
  }

  /** The data file's caveat, for example that codes and bed bases are illustrative. */
  public String note() {
    return note;
  }

  public List<HealthSystem> systems() {
    return systems;
  }

  /** The organisation with this ODS code, with its system code filled in. */
  public Optional<Organisation> organisation(String code) {
    return Optional.ofNullable(organisations.get(code));
  }

  /** The organisation a site belongs to, if the site is known. */
  public Optional<Organisation> ownerOfSite(String siteCode) {
    return Optional.ofNullable(siteOwners.get(siteCode));
  }

  /** Every organisation, in file order. */
  public List<Organisation> organisations() {
    return List.copyOf(organisations.values());
  }

  /** Every organisation of one type, in file order. */
  public List<Organisation> organisations(OrganisationType type) {
    return organisations.values().stream().filter(o -> o.type() == type).toList();
  }
}
