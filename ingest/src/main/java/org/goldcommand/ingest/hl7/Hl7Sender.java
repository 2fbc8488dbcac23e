package org.goldcommand.ingest.hl7;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One registered HL7 sender: the facility it writes in MSH-4, the applications it may send from
 * (MSH-3; any when empty), the organisations it may send for, the site to assume when PV1-3.4 is
 * empty, local facility codes that stand for sites, and the addresses it may connect from (any
 * when empty).
 *
 * @param facility MSH-4.1 as registered, also used in event ids
 * @param applications MSH-3.1 values allowed, upper case; empty for any
 * @param organisations ODS codes it may send for; the first is named on its rejections
 * @param defaultSite the site assumed when PV1-3.4 is empty, or null
 * @param siteAliases the sender's local facility codes (upper case) and the site each stands for
 * @param addresses remote addresses allowed; empty for any
 */
record Hl7Sender(String facility, Set<String> applications, List<String> organisations, String defaultSite,
    Map<String, String> siteAliases, List<AddressRange> addresses) {

  Hl7Sender {
    applications = Set.copyOf(applications);
    organisations = List.copyOf(organisations);
    siteAliases = Map.copyOf(siteAliases);
    addresses = List.copyOf(addresses);
  }

  /** The organisation its rejections are recorded against. */
  String primaryOrganisation() {
    return organisations.get(0);
  }

  boolean mayActFor(String orgCode) {
    return organisations.contains(orgCode);
  }

  boolean allowsApplication(String application) {
    return applications.isEmpty() || applications.contains(application.toUpperCase(Locale.ROOT));
  }

  boolean allowsAddress(InetAddress address) {
    return addresses.isEmpty() || addresses.stream().anyMatch(range -> range.contains(address));
  }

  /** The site a PV1-3.4 facility names: an alias's site, else the code itself, else the default. */
  String siteFor(String facilityCode) {
    if (facilityCode == null || facilityCode.isEmpty()) {
      return defaultSite;
    }
    return siteAliases.getOrDefault(facilityCode.toUpperCase(Locale.ROOT), facilityCode);
  }
}
