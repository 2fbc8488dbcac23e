package org.goldcommand.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.Site;
import org.goldcommand.events.reference.SiteType;

/**
 * A health system through a winter surge day, minute by minute, deterministic for a seed: every
 * emergency department, hospital and vaccination site in the reference data, with a couple of
 * departments whose ambulance handovers back up past an hour from the late morning, a norovirus
 * ward closure at one trust from 06:00, and a fridge failure at one vaccination site at 13:00.
 * Each trust returns its sitrep at 08:00.
 *
 * <p>The models start eight simulated hours before the day, so that at its 00:00 the departments
 * and wards already hold the patients they would; nothing from before 00:00 is sent. Call
 * {@link #advanceTo} with the simulated time; it answers what has become due, in time order.
 */
public final class Scenario {

  private static final Duration WARM_UP = Duration.ofHours(8);

  private final ScenarioPlan plan;
  private final Instant dayStart;
  private final Instant warmUpStart;
  private final Random random;
  private final List<EmergencyDepartment> departments = new ArrayList<>();
  private final Map<String, Hospital> hospitals = new LinkedHashMap<>();
  private final List<VaccinationSite> vaccinationSites = new ArrayList<>();
  private final List<Organisation> trusts;
  private final PriorityQueue<Queued> due = new PriorityQueue<>(
      Comparator.comparing(Queued::at).thenComparingLong(Queued::sequence));
  private final Sink sink = this::enqueue;
  private Instant next;
  private long sequence;

  private record Queued(Instant at, long sequence, Outbound outbound) {}

  public Scenario(ScenarioPlan plan) {
    this.plan = plan;
    this.dayStart = plan.dayStart();
    this.warmUpStart = dayStart.minus(WARM_UP);
    this.next = warmUpStart;
    this.random = new Random(plan.seed());
    ReferenceData reference = plan.reference();
    String runId = Long.toString(dayStart.getEpochSecond() / 60, 36);
    trusts = reference.organisations(OrganisationType.ACUTE_TRUST);
    List<Site> edSites = new ArrayList<>();
    for (int t = 0; t < trusts.size(); t++) {
      Organisation trust = trusts.get(t);
      boolean fhir = plan.fhir() && t % 4 == 3;
      for (Site site : trust.sites()) {
        if (site.type() != SiteType.HOSPITAL || site.gaCoreBeds() <= 0) {
          continue;
        }
        Hospital hospital = new Hospital(site, trust.code(), runId, plan.hl7(), plan.seed(), dayStart, warmUpStart);
        hospitals.put(site.code(), hospital);
        if (trust.code().equals(plan.norovirusTrust()) && hospitals.values().stream()
            .filter(h -> h.orgCode().equals(trust.code())).count() == 1) {
          hospital.norovirusFrom(dayStart.plus(Duration.ofHours(6)));
        }
        if (site.emergencyDepartment()) {
          edSites.add(site);
        }
      }
    }
    List<Site> shuffled = new ArrayList<>(edSites);
    Collections.shuffle(shuffled, random);
    int hot = shuffled.size() <= 10 ? Math.min(2, shuffled.size()) : (int) Math.round(shuffled.size() * 0.12);
    for (Site site : edSites) {
      int rank = shuffled.indexOf(site);
      double pressure = rank < hot ? 0.9 + 0.1 * random.nextDouble() : 0.1 + 0.35 * random.nextDouble();
      Organisation trust = reference.ownerOfSite(site.code()).orElseThrow();
      departments.add(new EmergencyDepartment(site, trust.code(), pressure, plan.fhir() && trusts.indexOf(trust) % 4 == 3,
          runId, plan.seed(), dayStart));
    }
    for (Organisation org : reference.organisations()) {
      for (Site site : org.sites()) {
        if (site.type() == SiteType.VACCINATION_SITE) {
          vaccinationSites.add(new VaccinationSite(site, org.code(), plan.seed(), dayStart,
              site.code().equals(plan.fridgeFailureSite())));
        }
      }
    }
  }

  public ScenarioPlan plan() {
    return plan;
  }

  /** The departments whose handovers are set to back up past an hour, by site code. */
  public List<String> pressuredDepartments() {
    return departments.stream().filter(d -> d.pressure() >= 0.9).map(d -> d.site().code()).sorted().toList();
  }

  /** Runs the models up to simulated time {@code t} and answers everything due by then, oldest first. */
  public List<Outbound> advanceTo(Instant t) {
    while (!next.isAfter(t)) {
      step(next);
      next = next.plusSeconds(60);
    }
    List<Outbound> ready = new ArrayList<>();
    while (!due.isEmpty() && !due.peek().at().isAfter(t)) {
      ready.add(due.poll().outbound());
    }
    return ready;
  }

  private void step(Instant t) {
    long minute = Duration.between(dayStart, t).toMinutes();
    if (Math.floorMod(minute, 1_440) == 8 * 60) {
      for (Organisation trust : trusts) {
        sitrep(trust, t, minute / 1_440);
      }
    }
    for (EmergencyDepartment department : departments) {
      department.step(t, sink, hospitals.get(department.site().code()));
    }
    for (Hospital hospital : hospitals.values()) {
      hospital.step(t, sink);
    }
    for (VaccinationSite site : vaccinationSites) {
      site.step(t, sink);
    }
  }

  private void sitrep(Organisation trust, Instant t, long day) {
    List<Hospital> own = trust.sites().stream().map(s -> hospitals.get(s.code())).filter(h -> h != null).toList();
    List<EmergencyDepartment> eds = departments.stream().filter(d -> trust.site(d.site().code()).isPresent()).toList();
    String comment = "Simulated winter surge day " + (day + 1)
        + (trust.code().equals(plan.norovirusTrust()) ? "; norovirus: ward W03 closed to admissions since 06:00" : "");
    String submissionId = "sim-" + Long.toString(dayStart.getEpochSecond() / 60, 36) + "-" + trust.code() + "-d" + day;
    enqueue(new Outbound.FeedRecord(Feed.SITREP, trust.code(), t,
        Sitreps.sitrep(trust, t, warmUpStart, own, eds, submissionId, random, comment)));
  }

  private void enqueue(Outbound outbound) {
    if (!outbound.at().isBefore(dayStart)) {
      due.add(new Queued(outbound.at(), sequence++, outbound));
    }
  }
}
