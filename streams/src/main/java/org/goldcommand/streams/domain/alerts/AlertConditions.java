package org.goldcommand.streams.domain.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.Figure;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.HealthSystem;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.Site;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.events.vaccine.VaccineStock;
import org.goldcommand.streams.domain.vaccine.DosesAtRisk;

/**
 * Turns each input into one observation per rule that watches it, with the alert's words and figures
 * rendered from the rule and the subject placed in its system, organisation and site from reference
 * data (so every alert can be filtered by them). An input about a subject the reference data does
 * not know yields nothing; the caller counts it.
 */
public final class AlertConditions {

  private static final int MAX_DRIVERS = 3;

  private final AlertRuleSet rules;
  private final ReferenceData reference;

  public AlertConditions(AlertRuleSet rules, ReferenceData reference) {
    this.rules = rules;
    this.reference = reference;
  }

  /** Where a subject sits, and what to call it. */
  private record Place(String systemCode, String orgCode, String siteCode, String name) {}

  /** A trust's level and its scored parameters. */
  public List<Observation> trust(TrustPressure p) {
    Optional<Organisation> org = reference.organisation(p.orgCode());
    if (org.isEmpty() || p.asAt() == null) {
      return List.of();
    }
    String name = p.orgName() != null ? p.orgName() : org.get().name();
    Place place = new Place(org.get().systemCode(), p.orgCode(), null, name);
    List<Observation> out = new ArrayList<>();
    if (p.opelLevel() != null && p.score() != null) {
      List<Measure> drivers = p.measures().stream().filter(m -> m.level() != null && m.level() >= 3)
          .sorted(Comparator.comparing((Measure m) -> m.contribution() == null ? 0 : m.contribution()).reversed())
          .limit(MAX_DRIVERS).toList();
      String driverText = drivers.isEmpty() ? "no single measure is at level 3 or 4"
          : drivers.stream().map(m -> m.label() + " " + AlertMessages.withUnit(m.value(), m.unit()))
              .collect(Collectors.joining(", "));
      List<Figure> figures = new ArrayList<>(List.of(
          new Figure("score", "Pressure score", p.score(), "points", p.asAt()),
          new Figure("opelLevel", "OPEL level", p.opelLevel(), null, p.asAt())));
      drivers.forEach(m -> figures.add(new Figure(m.name(), m.label(), m.value(), m.unit(), m.asAt())));
      for (AlertRule rule : rules.ofKind(AlertKind.TRUST_LEVEL)) {
        out.add(observe(rule, p.orgCode(), place, p.opelLevel() >= rule.threshold(), null, p.asAt(), rule.debounce(),
            Map.of("name", name, "code", p.orgCode(), "level", String.valueOf(p.opelLevel()),
                "score", AlertMessages.number(p.score()), "threshold", level(rule), "drivers", driverText), figures));
      }
    }
    for (AlertRule rule : rules.ofKind(AlertKind.PARAMETER_BREACH)) {
      for (Measure m : p.measures()) {
        if (m.level() != null) {
          Duration debounce = rule.debounceFor(m.name());
          out.add(observe(rule, p.orgCode() + "/" + m.name(), place, m.level() >= rule.threshold(), null, p.asAt(),
              debounce, Map.of("name", name, "code", p.orgCode(), "parameter", m.label(),
                  "value", AlertMessages.withUnit(m.value(), m.unit()), "level", String.valueOf(m.level()),
                  "threshold", level(rule), "debounce", AlertMessages.duration(debounce)),
              List.of(new Figure(m.name(), m.label(), m.value(), m.unit(), m.asAt()))));
        }
      }
    }
    return out;
  }

  /** A system's level and its trend. */
  public List<Observation> system(SystemPressure s) {
    Optional<HealthSystem> system = reference.systems().stream().filter(h -> h.code().equals(s.systemCode()))
        .findFirst();
    if (system.isEmpty() || s.asAt() == null || s.score() == null || s.opelLevel() == null) {
      return List.of();
    }
    Place place = new Place(s.systemCode(), null, null, system.get().name());
    List<Figure> figures = new ArrayList<>(List.of(
        new Figure("score", "System pressure score", s.score(), "points", s.asAt()),
        new Figure("opelLevel", "System OPEL level", s.opelLevel(), null, s.asAt())));
    if (s.highestTrustLevel() != null) {
      figures.add(new Figure("highestTrustLevel", "Highest trust OPEL level", s.highestTrustLevel(), null, s.asAt()));
    }
    String trusts = s.trusts().stream().sorted(Comparator.comparing(SystemPressure.TrustPart::opelLevel).reversed())
        .map(t -> t.orgCode() + " OPEL " + t.opelLevel()).collect(Collectors.joining(", "));
    List<Observation> out = new ArrayList<>();
    for (AlertRule rule : rules.ofKind(AlertKind.SYSTEM_LEVEL)) {
      out.add(observe(rule, s.systemCode(), place, s.opelLevel() >= rule.threshold(), null, s.asAt(), rule.debounce(),
          Map.of("name", place.name(), "code", s.systemCode(), "level", String.valueOf(s.opelLevel()),
              "score", AlertMessages.number(s.score()), "threshold", level(rule),
              "highestTrustLevel", String.valueOf(s.highestTrustLevel()), "trusts", trusts), figures));
    }
    SystemPressure.Trend trend = s.trend();
    List<Figure> trendFigures = new ArrayList<>(figures.subList(0, 1));
    if (trend != null && trend.change2h() != null) {
      trendFigures.add(new Figure("change2h", "Change over 2 hours", trend.change2h(), "points", s.asAt()));
    }
    if (trend != null && trend.change4h() != null) {
      trendFigures.add(new Figure("change4h", "Change over 4 hours", trend.change4h(), "points", s.asAt()));
    }
    for (AlertRule rule : rules.ofKind(AlertKind.SYSTEM_RISING_FAST)) {
      out.add(observe(rule, s.systemCode(), place, trend != null && trend.risingFast(), null, s.asAt(),
          rule.debounce(), Map.of("name", place.name(), "code", s.systemCode(), "score", AlertMessages.number(s.score()),
              "change2h", AlertMessages.change(trend == null ? null : trend.change2h()),
              "change4h", AlertMessages.change(trend == null ? null : trend.change4h())), trendFigures));
    }
    return out;
  }

  /** A feed that turns stale by itself once it has sent nothing for longer than its limit. */
  public List<Observation> feed(FeedStatus f) {
    Optional<Organisation> org = reference.organisation(f.orgCode());
    if (org.isEmpty() || f.lastReceivedAt() == null) {
      return List.of();
    }
    Place place = new Place(org.get().systemCode(), f.orgCode(), null, org.get().name());
    List<Observation> out = new ArrayList<>();
    for (AlertRule rule : rules.ofKind(AlertKind.STALE_FEED)) {
      Duration limit = rule.staleAfter().get(f.feed());
      if (limit != null) {
        Instant staleFrom = f.lastReceivedAt().plus(limit);
        out.add(observe(rule, f.orgCode() + "/" + f.feed(), place, false, staleFrom, f.lastReceivedAt(),
            rule.debounce(), Map.of("name", place.name(), "code", f.orgCode(), "feed", f.feed(),
                "lastReceived", AlertMessages.time(f.lastReceivedAt()), "limit", AlertMessages.duration(limit)),
            List.of(new Figure("limitMinutes", "Staleness limit", limit.toMinutes(), "minutes", f.lastReceivedAt()))));
      }
    }
    return out;
  }

  /** A fridge reading, in or out of its safe range. */
  public List<Observation> coldChain(ColdChainReading r) {
    Optional<Place> place = site(r.siteCode());
    if (place.isEmpty() || r.at() == null || r.deviceId() == null) {
      return List.of();
    }
    List<Observation> out = new ArrayList<>();
    for (AlertRule rule : rules.ofKind(AlertKind.COLD_CHAIN_EXCURSION)) {
      AlertRule.Range range = rule.safeRange();
      out.add(observe(rule, r.siteCode() + "/" + r.deviceId(), place.get(), range.outside(r.celsius()), null, r.at(),
          rule.debounce(), Map.of("site", place.get().name(), "code", r.siteCode(), "device", r.deviceId(),
              "celsius", AlertMessages.number(r.celsius()), "at", AlertMessages.time(r.at()),
              "low", AlertMessages.number(range.low()), "high", AlertMessages.number(range.high())),
          List.of(new Figure("celsius", "Fridge temperature", r.celsius(), "°C", r.at()))));
    }
    return out;
  }

  /**
   * A site's doses at risk, one observation per product in its stock or bookings.
   *
   * @param siteCode the site
   * @param lines its latest stock lines
   * @param bookings its bookings by product and day
   * @param today the first day bookings may use stock
   * @param at when the newest of these figures was known
   */
  public List<Observation> dosesAtRisk(String siteCode, List<VaccineStock.Line> lines,
      Map<String, Map<LocalDate, Integer>> bookings, LocalDate today, Instant at) {
    Optional<Place> place = site(siteCode);
    if (place.isEmpty()) {
      return List.of();
    }
    List<Observation> out = new ArrayList<>();
    for (AlertRule rule : rules.ofKind(AlertKind.DOSES_AT_RISK)) {
      int days = (int) Math.max(1, rule.lookAhead().toDays());
      for (DosesAtRisk.Result r : DosesAtRisk.atSite(lines, bookings, today, days)) {
        out.add(observe(rule, siteCode + "/" + r.product(), place.get(), r.atRiskDoses() >= rule.threshold(), null,
            at, rule.debounce(), Map.of("site", place.get().name(), "code", siteCode, "product", r.product(),
                "doses", String.valueOf(r.atRiskDoses()), "stock", String.valueOf(r.stockDoses()),
                "earliestExpiry", AlertMessages.date(r.earliestAtRiskExpiry()),
                "lookAhead", AlertMessages.duration(rule.lookAhead())),
            List.of(new Figure("dosesAtRisk", "Doses at risk of expiry", r.atRiskDoses(), "doses", at),
                new Figure("stockDoses", "Usable doses in stock", r.stockDoses(), "doses", at))));
      }
    }
    return out;
  }

  private Optional<Place> site(String siteCode) {
    return reference.ownerOfSite(siteCode).flatMap(org -> org.site(siteCode)
        .map(Site::name).map(name -> new Place(org.systemCode(), org.code(), siteCode, name)));
  }

  private static String level(AlertRule rule) {
    return String.valueOf(rule.threshold().intValue());
  }

  private Observation observe(AlertRule rule, String subject, Place place, boolean breaching, Instant breachesFrom,
      Instant at, Duration debounce, Map<String, String> values, List<Figure> figures) {
    return new Observation(rule.id() + "/" + subject, rule.id(), rules.version(), rule.kind(), rule.severity(),
        subject, place.systemCode(), place.orgCode(), place.siteCode(), breaching, breachesFrom, at, debounce,
        rule.holdDown(), AlertMessages.render(rule.title(), values), AlertMessages.render(rule.message(), values),
        figures, rules.card(rule));
  }
}
