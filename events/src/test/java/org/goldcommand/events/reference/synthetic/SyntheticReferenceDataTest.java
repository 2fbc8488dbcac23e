package org.goldcommand.events.reference.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldcommand.events.reference.HealthSystem;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.Site;
import org.goldcommand.events.reference.SiteType;
import org.junit.jupiter.api.Test;

class SyntheticReferenceDataTest {

  static final ReferenceData NATIONAL = SyntheticReferenceData.generate(SyntheticReferenceData.Spec.national(7));

  @Test
  void hasTheShapeOfEngland() {
    assertThat(NATIONAL.systems()).hasSize(42);
    assertThat(NATIONAL.organisations(OrganisationType.ACUTE_TRUST)).hasSize(200);
    assertThat(sites().stream().filter(s -> s.type() == SiteType.VACCINATION_SITE)).hasSize(1_500);
    assertThat(NATIONAL.organisations(OrganisationType.AMBULANCE_TRUST)).hasSize(11);
    assertThat(NATIONAL.systems()).allSatisfy(system -> assertThat(system.organisations())
        .anyMatch(o -> o.type() == OrganisationType.ACUTE_TRUST));
    assertThat(NATIONAL.note()).containsIgnoringCase("synthetic");
  }

  @Test
  void everyAcuteTrustHasOneToThreeHospitalsWithBedsAndAtLeastOneEmergencyDepartment() {
    assertThat(NATIONAL.organisations(OrganisationType.ACUTE_TRUST)).allSatisfy(trust -> {
      List<Site> hospitals = trust.sites().stream().filter(s -> s.type() == SiteType.HOSPITAL).toList();
      assertThat(hospitals).hasSizeBetween(1, 3);
      assertThat(hospitals).allSatisfy(h -> assertThat(h.gaCoreBeds()).isPositive());
      assertThat(hospitals).anyMatch(Site::emergencyDepartment);
      assertThat(trust.gaCoreBeds()).isBetween(250, 1_700);
    });
  }

  @Test
  void codesAreUniqueAndEverySiteHasAnOwnerInItsSystem() {
    Set<String> orgCodes = new HashSet<>();
    Set<String> siteCodes = new HashSet<>();
    for (HealthSystem system : NATIONAL.systems()) {
      for (Organisation org : system.organisations()) {
        assertThat(orgCodes.add(org.code())).as(org.code()).isTrue();
        assertThat(org.code()).matches("[A-Z0-9]{3,9}");
        assertThat(NATIONAL.organisation(org.code()).orElseThrow().systemCode()).isEqualTo(system.code());
        for (Site site : org.sites()) {
          assertThat(siteCodes.add(site.code())).as(site.code()).isTrue();
          assertThat(site.code()).matches("[A-Z0-9]{3,9}");
          assertThat(NATIONAL.ownerOfSite(site.code())).map(Organisation::code).contains(org.code());
        }
      }
    }
    assertThat(NATIONAL.systems()).extracting(HealthSystem::code).doesNotHaveDuplicates();
  }

  @Test
  void theSameSeedGivesTheSameCountryAndAnotherSeedAnother() {
    var spec = SyntheticReferenceData.Spec.national(7);
    assertThat(SyntheticReferenceData.yaml(spec)).isEqualTo(SyntheticReferenceData.yaml(spec));
    assertThat(SyntheticReferenceData.yaml(SyntheticReferenceData.Spec.national(8)))
        .isNotEqualTo(SyntheticReferenceData.yaml(spec));
    assertThat(NATIONAL.version()).isEqualTo("synthetic-national-7");
  }

  @Test
  void smallerCountriesCanBeMadeButNotImpossibleOnes() {
    ReferenceData small = SyntheticReferenceData.generate(new SyntheticReferenceData.Spec(2, 5, 20, 1));
    assertThat(small.organisations(OrganisationType.ACUTE_TRUST)).hasSize(5);
    assertThat(small.organisations().stream().flatMap(o -> o.sites().stream())
        .filter(s -> s.type() == SiteType.VACCINATION_SITE)).hasSize(20);
    assertThatThrownBy(() -> new SyntheticReferenceData.Spec(3, 2, 10, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  static List<Site> sites() {
    return NATIONAL.organisations().stream().flatMap(o -> o.sites().stream()).toList();
  }
}
