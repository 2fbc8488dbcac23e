package org.goldcommand.events.reference;

import java.util.List;
import java.util.Optional;

/**
 * An organisation Gold Command knows: a trust, the ambulance service, a vaccination provider.
 * Feeds are authorised per organisation and its sites, and trust pressure rolls up to its system.
 *
 * @param code ODS code
 * @param name full name
 * @param shortName what fits on a wall tile
 * @param type what kind of organisation it is
 * @param systemCode the integrated care system (ICB code) it belongs to
 * @param sites its sites
 */
public record Organisation(
    String code, String name, String shortName, OrganisationType type, String systemCode, List<Site> sites) {

  public Organisation {
    sites = sites == null ? List.of() : List.copyOf(sites);
  }

  /** The site with this code, if it belongs to this organisation. */
  public Optional<Site> site(String siteCode) {
    return sites.stream().filter(s -> s.code().equals(siteCode)).findFirst();
  }

  /** Core G&amp;A beds across all sites: the weight of this trust in system aggregates. */
  public int gaCoreBeds() {
    return sites.stream().mapToInt(Site::gaCoreBeds).sum();
  }
}
