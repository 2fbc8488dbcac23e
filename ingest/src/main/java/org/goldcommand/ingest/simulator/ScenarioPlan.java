package org.goldcommand.ingest.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.SiteType;

/**
 * What a scenario plays: the system (its reference data), the seed, where its day starts on the
 * real clock, which adapters it speaks to, and where the day's incidents happen.
 *
 * @param reference the organisations and sites to simulate
 * @param seed the same seed and day start give the same day, record for record
 * @param dayStart the instant of the simulated day's 00:00 (see {@link Timeline})
 * @param hl7 whether trusts send ADT over MLLP; the ward model runs either way
 * @param fhir whether every fourth trust sends attendances as FHIR Encounters (else all send NDJSON)
 * @param norovirusTrust the trust with a ward closed for norovirus
 * @param fridgeFailureSite the vaccination site whose fridge fails
 */
public record ScenarioPlan(ReferenceData reference, long seed, Instant dayStart, boolean hl7, boolean fhir,
    String norovirusTrust, String fridgeFailureSite) {

  /** Lancashire and South Cumbria's defaults: norovirus at Blackpool, the fridge at Blackburn Cathedral. */
  static final String LSC_NOROVIRUS_TRUST = "RXL";
  static final String LSC_FRIDGE_FAILURE_SITE = "QE1VC1";

  public ScenarioPlan {
    if (reference.organisation(norovirusTrust).map(Organisation::type).orElse(null) != OrganisationType.ACUTE_TRUST) {
      throw new IllegalArgumentException("The norovirus trust " + norovirusTrust + " is not an acute trust");
    }
    if (reference.ownerOfSite(fridgeFailureSite).flatMap(o -> o.site(fridgeFailureSite))
        .map(s -> s.type() != SiteType.VACCINATION_SITE).orElse(true)) {
      throw new IllegalArgumentException("The fridge failure site " + fridgeFailureSite + " is not a vaccination site");
    }
  }

  /**
   * A plan whose incidents are where asked, or, when {@code null}, at the Lancashire and South
   * Cumbria defaults if the reference data has them, else at a trust and site drawn by the seed.
   */
  public static ScenarioPlan of(ReferenceData reference, long seed, Instant dayStart, boolean hl7, boolean fhir,
      String norovirusTrust, String fridgeFailureSite) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    List<String> trusts = reference.organisations(OrganisationType.ACUTE_TRUST).stream().map(Organisation::code).toList();
    List<String> sites = reference.organisations().stream().flatMap(o -> o.sites().stream())
        .filter(s -> s.type() == SiteType.VACCINATION_SITE).map(s -> s.code()).toList();
    String trust = norovirusTrust != null ? norovirusTrust
        : trusts.contains(LSC_NOROVIRUS_TRUST) ? LSC_NOROVIRUS_TRUST : trusts.get(random.nextInt(trusts.size()));
    String site = fridgeFailureSite != null ? fridgeFailureSite
        : sites.contains(LSC_FRIDGE_FAILURE_SITE) ? LSC_FRIDGE_FAILURE_SITE : sites.get(random.nextInt(sites.size()));
    return new ScenarioPlan(reference, seed, dayStart, hl7, fhir, trust, site);
  }
}
