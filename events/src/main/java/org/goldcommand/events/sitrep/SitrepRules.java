package org.goldcommand.events.sitrep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.validation.Violation;

/**
 * The checks a sitrep must pass beyond its schema: figures that contradict each other, times that
 * cannot be true yet, and codes Gold Command does not know. Run at the door, so the submitter hears
 * about them at once instead of the return vanishing into a dead-letter topic.
 */
public final class SitrepRules {

  /** Clocks at trusts drift; a return stamped a little ahead of ours is still accepted. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Returns may be sent or corrected for the last 14 days, as on NHS England's sitrep portal. */
  public static final Duration AMENDMENT_WINDOW = Duration.ofDays(14);

  private SitrepRules() {}

  /** Every rule the sitrep breaks, empty when it is acceptable. */
  public static List<Violation> check(Sitrep sitrep, ReferenceData reference, Instant now) {
    List<Violation> violations = new ArrayList<>();
    Organisation org = reference.organisation(sitrep.orgCode()).orElse(null);
    if (org == null) {
      violations.add(new Violation("orgCode", "is not a known organisation: " + sitrep.orgCode()));
    } else if (org.type() != OrganisationType.ACUTE_TRUST) {
      violations.add(new Violation("orgCode", sitrep.orgCode() + " is not an acute trust and submits no sitrep"));
    } else if (sitrep.siteCode() != null && org.site(sitrep.siteCode()).isEmpty()) {
      violations.add(new Violation("siteCode", sitrep.siteCode() + " is not a site of " + sitrep.orgCode()));
    }
    if (sitrep.asAt() != null && sitrep.asAt().isAfter(now.plus(CLOCK_SKEW))) {
      violations.add(new Violation("asAt", "is in the future: " + sitrep.asAt()));
    }
    if (sitrep.asAt() != null && sitrep.asAt().isBefore(now.minus(AMENDMENT_WINDOW))) {
      violations.add(new Violation("asAt", "is more than 14 days ago; returns can be sent or corrected for 14 days"));
    }
    if (sitrep.supersedes() != null && sitrep.supersedes().equals(sitrep.submissionId())) {
      violations.add(new Violation("supersedes", "names this return itself; name the earlier return it corrects"));
    }
    Sitrep.Beds beds = sitrep.beds();
    if (beds != null && beds.gaCoreOpen() != null && beds.gaOccupied() != null && beds.gaOccupied() > beds.gaOpen()) {
      violations.add(new Violation("beds.gaOccupied",
          "is " + beds.gaOccupied() + ", more than the " + beds.gaOpen() + " G&A beds open (core plus escalation)"));
    }
    if (beds != null && beds.adultCriticalCareOccupied() != null && beds.adultCriticalCareOpen() == null) {
      violations.add(new Violation("beds.adultCriticalCareOpen", "is required when adultCriticalCareOccupied is given"));
    }
    return violations;
  }
}
