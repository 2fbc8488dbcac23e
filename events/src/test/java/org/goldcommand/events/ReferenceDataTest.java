package org.goldcommand.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

  final ReferenceData reference = ReferenceDataLoader.demo();

  @Test
  void theDemoSystemHasTheFourLancashireAndSouthCumbriaAcuteTrusts() {
    assertThat(reference.version()).isNotBlank();
    assertThat(reference.note()).containsIgnoringCase("illustrative");
    assertThat(reference.organisations(OrganisationType.ACUTE_TRUST)).extracting(Organisation::code)
        .containsExactly("RXN", "RXL", "RXR", "RTX");
    assertThat(reference.organisation("RX7")).map(Organisation::type).contains(OrganisationType.AMBULANCE_TRUST);
  }

  @Test
  void everyOrganisationKnowsItsSystemAndSites() {
    Organisation preston = reference.organisation("RXN").orElseThrow();
    assertThat(preston.systemCode()).isEqualTo("QE1");
    assertThat(preston.site("RXN02")).isPresent();
    assertThat(preston.site("RXL01")).isEmpty();
    assertThat(preston.gaCoreBeds()).isEqualTo(870);
    assertThat(reference.ownerOfSite("RXN02")).map(Organisation::code).contains("RXN");
    assertThat(reference.ownerOfSite("QE1VC1")).map(Organisation::code).contains("QE1VC");
    assertThat(reference.ownerOfSite("NOPE")).isEmpty();
  }

  @Test
  void thereAreVaccinationSitesOfEveryKind() {
    assertThat(reference.organisations()).extracting(Organisation::type).contains(
        OrganisationType.PRIMARY_CARE_NETWORK, OrganisationType.COMMUNITY_PHARMACY, OrganisationType.VACCINATION_CENTRE);
  }
}
