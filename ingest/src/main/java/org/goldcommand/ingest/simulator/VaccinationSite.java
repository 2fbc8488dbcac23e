package org.goldcommand.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldcommand.events.reference.Site;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.events.vaccine.VaccineBookings;
import org.goldcommand.events.vaccine.VaccineStock;

/**
 * A vaccination site: fridges whose loggers read every five minutes, stock by product and batch
 * counted every hour the clinic is open (08:00-18:00) and used up by the day's appointments, and
 * the week's bookings sent at 07:00. At the site chosen for a fridge failure, the first fridge
 * fails at 13:00 on the first day: it warms past 8 °C within half an hour and stays there for
 * about two hours until it is fixed; once it reads above 8 °C the stock kept in it is quarantined.
 */
final class VaccinationSite {

  private static final String[][] PRODUCTS = {
      {"Comirnaty JN.1", "6"}, {"Adjuvanted trivalent influenza vaccine", "1"}, {"Abrysvo RSV", "1"}};

  /** One batch of one product, the doses left in it, and the fridge it is kept in. */
  private static final class Line {
    final String product;
    final String batch;
    final int dosesPerVial;
    final int fridge;
    final int expiryDays;
    final Integer effectiveDays;
    int doses;
    boolean quarantined;

    Line(String product, String batch, int dosesPerVial, int fridge, int expiryDays, Integer effectiveDays, int doses) {
      this.product = product;
      this.batch = batch;
      this.dosesPerVial = dosesPerVial;
      this.fridge = fridge;
      this.expiryDays = expiryDays;
      this.effectiveDays = effectiveDays;
      this.doses = doses;
    }
  }

  private final Site site;
  private final String orgCode;
  private final Random random;
  private final Instant dayStart;
  private final Instant failure;
  private final double[] phases;
  private final List<Line> lines = new ArrayList<>();
  private final int perDay;
  private int bookedToday;

  VaccinationSite(Site site, String orgCode, long seed, Instant dayStart, boolean failing) {
    this.site = site;
    this.orgCode = orgCode;
    this.dayStart = dayStart;
    this.random = new Random(seed * 104_729L + site.code().hashCode());
    this.failure = failing ? dayStart.plus(Duration.ofHours(13)) : null;
    this.phases = new double[site.code().endsWith("H") || site.code().endsWith("1") ? 2 : 1];
    for (int f = 0; f < phases.length; f++) {
      phases[f] = random.nextDouble() * 38;
    }
    this.perDay = 40 + random.nextInt(phases.length == 2 ? 260 : 120);
    int products = 2 + random.nextInt(2);
    for (int p = 0; p < products; p++) {
      int batches = 1 + random.nextInt(2);
      for (int b = 0; b < batches; b++) {
        int perVial = Integer.parseInt(PRODUCTS[p][1]);
        int expiry = 40 + random.nextInt(160);
        Integer effective = perVial > 1 ? Math.min(expiry, 10 + random.nextInt(60)) : null;
        lines.add(new Line(PRODUCTS[p][0], "B" + (1000 + random.nextInt(9000)) + (char) ('A' + b), perVial,
            lines.size() % phases.length, expiry, effective, perDay * (3 + random.nextInt(5)) / batches));
      }
    }
  }

  Site site() {
    return site;
  }

  /** Moves the site on by the minute starting at {@code t}. */
  void step(Instant t, Sink sink) {
    long minute = Duration.between(dayStart, t).toMinutes();
    long ofDay = Math.floorMod(minute, 1_440);
    if (minute % 5 == 0) {
      for (int f = 0; f < phases.length; f++) {
        double celsius = Curves.fridge(minute, phases[f], random);
        if (f == 0 && failure != null) {
          celsius = Curves.failingFridge(Duration.between(failure, t).toSeconds() / 60.0, celsius);
        }
        celsius = Math.round(celsius * 10) / 10.0;
        if (celsius > 8.0) {
          quarantine(f);
        }
        sink.emit(new Outbound.FeedRecord(Feed.COLD_CHAIN, orgCode, t,
            new ColdChainReading(site.code() + "-F" + (f + 1), site.code(), t, celsius)));
      }
    }
    if (ofDay == 7 * 60) {
      bookings(t, sink);
    }
    if (ofDay >= 8 * 60 && ofDay <= 18 * 60) {
      if (ofDay % 60 == 0) {
        sink.emit(new Outbound.FeedRecord(Feed.VACCINE_STOCK, orgCode, t, stock(t)));
      }
      for (int d = Curves.poisson(bookedToday / 600.0, random); d > 0; d--) {
        vaccinate();
      }
    }
  }

  private void bookings(Instant t, Sink sink) {
    LocalDate today = date(t);
    List<String> products = lines.stream().map(l -> l.product).distinct().toList();
    bookedToday = 0;
    for (int day = 0; day < 7; day++) {
      for (int p = 0; p < products.size(); p++) {
        double share = p == 0 ? 0.55 : p == 1 ? 0.35 : 0.1;
        double fill = day == 0 ? 0.95 : Math.max(0.2, 0.95 - 0.11 * day);
        int booked = (int) Math.round(perDay * share * fill * (0.85 + 0.3 * random.nextDouble()));
        bookedToday += day == 0 ? booked : 0;
        sink.emit(new Outbound.FeedRecord(Feed.VACCINE_BOOKINGS, orgCode, t,
            new VaccineBookings(site.code(), today.plusDays(day), products.get(p), booked)));
      }
    }
  }

  private void vaccinate() {
    List<Line> usable = lines.stream().filter(l -> !l.quarantined && l.doses > 0).toList();
    if (!usable.isEmpty()) {
      usable.get(random.nextInt(usable.size())).doses--;
    }
  }

  private void quarantine(int fridge) {
    lines.stream().filter(l -> l.fridge == fridge).forEach(l -> l.quarantined = true);
  }

  VaccineStock stock(Instant t) {
    LocalDate today = date(t);
    List<VaccineStock.Line> counted = new ArrayList<>();
    for (Line l : lines) {
      int vials = (l.doses + l.dosesPerVial - 1) / l.dosesPerVial;
      int punctured = l.doses % l.dosesPerVial != 0 ? 1 : 0;
      counted.add(new VaccineStock.Line(l.product, l.batch, today.plusDays(l.expiryDays),
          l.effectiveDays == null ? null : today.plusDays(l.effectiveDays), vials, l.dosesPerVial, punctured,
          l.quarantined ? vials : 0));
    }
    return new VaccineStock(site.code(), t, counted);
  }

  private LocalDate date(Instant t) {
    return LocalDate.ofInstant(t, Timeline.ZONE);
  }
}
