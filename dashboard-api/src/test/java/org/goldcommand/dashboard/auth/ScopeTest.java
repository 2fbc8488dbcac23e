package org.goldcommand.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Provide
  Arbitrary<String> code() {
    return Arbitraries.of("QE1", "QE9", "RXN", "RXL", "RXN2H", "RXL01");
  }

  @Provide
  Arbitrary<Set<String>> codes() {
    return code().set().ofMaxSize(4);
  }

  @Property
  void everywhereCoversEveryValue(@ForAll("code") String system, @ForAll("code") String org,
      @ForAll("code") String site) {
    assertThat(Scope.EVERYWHERE.covers(system, org, site)).isTrue();
    assertThat(Scope.of(Set.of(Scope.ALL), Set.of()).coversSystem(system)).isTrue();
  }

  @Property
  void aValueIsCoveredOnlyThroughOneOfItsOwnCodes(@ForAll("code") String system, @ForAll("code") String org,
      @ForAll("code") String site, @ForAll("codes") Set<String> systems, @ForAll("codes") Set<String> sites) {
    Scope scope = Scope.of(systems, sites);
    boolean expected = systems.contains(system) || sites.contains(org) || sites.contains(site);
    assertThat(scope.covers(system, org, site)).isEqualTo(expected);
  }

  @Property
  void aSiteNeverGrantsItsWholeSystem(@ForAll("code") String system, @ForAll("codes") Set<String> sites) {
    assertThat(Scope.of(Set.of(), sites).coversSystem(system)).isFalse();
    assertThat(Scope.of(Set.of(), sites).covers(system, null, null)).isFalse();
  }

  @Test
  void aPharmacistBoundToAHubSeesThatHubsValuesOnly() {
    Scope hub = Scope.of(Set.of(), Set.of("RXN2H"));
    assertThat(hub.covers("QE1", "RXN", "RXN2H")).isTrue();
    assertThat(hub.covers("QE1", "RXN", null)).as("the trust's own pressure").isFalse();
    assertThat(hub.covers("QE1", "RXL", "RXL1H")).isFalse();
  }
}
