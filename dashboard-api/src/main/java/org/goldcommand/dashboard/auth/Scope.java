package org.goldcommand.dashboard.auth;

import java.util.Set;

/**
 * Where a person may look: the systems (ICS codes) and the organisations or sites they are
 * responsible for. A system lead for Lancashire and South Cumbria sees every trust in {@code QE1};
 * a pharmacist bound to one hospital hub sees that site's stock and nothing else. A value about a
 * whole system (system pressure) is covered only by that system, never by one of its sites.
 *
 * @param everywhere every system and site (an administrator, a national viewer)
 * @param systems system codes covered in full
 * @param sites organisation or site codes covered
 */
public record Scope(boolean everywhere, Set<String> systems, Set<String> sites) {

  /** The claim value that means every system or every site. */
  public static final String ALL = "*";

  /** Everywhere. */
  public static final Scope EVERYWHERE = new Scope(true, Set.of(), Set.of());

  public Scope {
    systems = Set.copyOf(systems);
    sites = Set.copyOf(sites);
  }

  /** The scope of a token's {@code systems} and {@code sites} claims ({@code "*"} meaning all). */
  public static Scope of(Set<String> systems, Set<String> sites) {
    return new Scope(systems.contains(ALL) || sites.contains(ALL), systems, sites);
  }

  /**
   * Whether a value about this system, organisation and site (any may be null) is in scope: its
   * system is covered in full, or its organisation or site is one of the person's.
   */
  public boolean covers(String systemCode, String orgCode, String siteCode) {
    return everywhere
        || systemCode != null && systems.contains(systemCode)
        || orgCode != null && sites.contains(orgCode)
        || siteCode != null && sites.contains(siteCode);
  }

  /** Whether the person may look at this whole system (its pressure, every trust in it). */
  public boolean coversSystem(String systemCode) {
    return everywhere || systems.contains(systemCode);
  }
}
