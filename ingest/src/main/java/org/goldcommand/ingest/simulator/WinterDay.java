package org.goldcommand.ingest.simulator;

import java.time.Instant;
import java.util.Random;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.Site;
import org.goldcommand.events.sitrep.Sitrep;

/**
 * A winter day at an acute trust, as the simulator tells it: occupancy starts the morning at the
 * trust's usual level after the night's discharges, climbs through the day as admissions outrun
 * discharges, peaks in the evening, and escalation beds open once core beds run out. Figures are
 * plausible, not real; each trust has its own baseline so the wall shows a spread.
 */
public final class WinterDay {

  private final Random random;

  public WinterDay(long seed) {
    this.random = new Random(seed);
  }

  /** The sitrep a trust would return at {@code hourOfDay} (0-24, fractional) of the simulated day. */
  public Sitrep sitrep(Organisation trust, double hourOfDay, Instant asAt, String submissionId) {
    int core = trust.gaCoreBeds();
    int cc = trust.sites().stream().mapToInt(Site::criticalCareBeds).sum();
    double baseline = 0.86 + (Math.floorMod(trust.code().hashCode(), 7)) / 100.0;
    double rise = 0.09 * Math.sin(Math.PI * Math.min(Math.max(hourOfDay - 6, 0), 15) / 30);
    double occupancy = Math.min(1.04, baseline + rise + random.nextGaussian() * 0.005);
    int wanted = (int) Math.round(core * occupancy);
    int escalation = Math.max(0, wanted - core + 5);
    int occupied = Math.min(wanted, core + escalation);
    int ccOccupied = Math.min(cc + 2, (int) Math.round(cc * (0.82 + rise + random.nextGaussian() * 0.03)));
    int nctr = (int) Math.round(core * (0.12 + random.nextDouble() * 0.06));
    double absence = Math.round((4.5 + random.nextDouble() * 3.5) * 10) / 10.0;
    return new Sitrep(submissionId, trust.code(), null, asAt,
        new Sitrep.Beds(core, escalation, occupied, cc, Math.max(0, ccOccupied), random.nextInt(12)),
        new Sitrep.Discharge(nctr, 20 + random.nextInt(30), 10 + random.nextInt(20)),
        new Sitrep.LongStay(core / 3, core / 5, core / 9),
        new Sitrep.Respiratory(15 + random.nextInt(30), 10 + random.nextInt(25), random.nextInt(8)),
        absence,
        new Sitrep.Ambulance(90 + random.nextInt(60), 10 + random.nextInt(25), 3 + random.nextInt(10),
            Math.round(random.nextDouble() * 400) / 10.0),
        0, new Sitrep.Mortuary(80, 50 + random.nextInt(25)),
        String.format("Simulated winter day, %02d:%02d", (int) hourOfDay, (int) (hourOfDay * 60) % 60));
  }
}
