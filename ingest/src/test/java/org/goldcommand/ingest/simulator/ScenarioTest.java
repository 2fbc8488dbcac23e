package org.goldcommand.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.goldcommand.events.ambulance.HandoverEvent;
import org.goldcommand.events.ambulance.HandoverEvent.HandoverStep;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.beds.BedType;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.events.vaccine.VaccineStock;
import org.junit.jupiter.api.Test;

/** The Lancashire and South Cumbria winter surge day has the shape it promises, every time for a seed. */
class ScenarioTest {

  static final ReferenceData LSC = ReferenceDataLoader.demo();
  static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
  static final List<Outbound> WHOLE_DAY = day(2026, "QE1VC1");

  static List<Outbound> day(long seed, String fridgeSite) {
    Scenario scenario = new Scenario(ScenarioPlan.of(LSC, seed, DAY, true, true, null, fridgeSite));
    return scenario.advanceTo(DAY.plus(Duration.ofDays(1)).minusSeconds(1));
  }

  static <T> List<T> records(List<Outbound> all, Class<T> type) {
    return all.stream().filter(o -> o instanceof Outbound.FeedRecord r && type.isInstance(r.record()))
        .map(o -> type.cast(((Outbound.FeedRecord) o).record())).toList();
  }

  static double hour(Instant at) {
    return Duration.between(DAY, at).toMinutes() / 60.0;
  }

  @Test
  void theSameSeedGivesTheSameDayAndAnotherSeedAnother() throws Exception {
    Scenario first = new Scenario(ScenarioPlan.of(LSC, 7, DAY, true, true, null, null));
    Scenario again = new Scenario(ScenarioPlan.of(LSC, 7, DAY, true, true, null, null));
    Scenario other = new Scenario(ScenarioPlan.of(LSC, 8, DAY, true, true, null, null));
    List<String> a = text(first.advanceTo(DAY.plus(Duration.ofHours(5))));
    a.addAll(text(first.advanceTo(DAY.plus(Duration.ofHours(10)))));
    List<String> b = text(again.advanceTo(DAY.plus(Duration.ofHours(10))));
    assertThat(a).hasSizeGreaterThan(5_000).isEqualTo(b);
    assertThat(text(other.advanceTo(DAY.plus(Duration.ofHours(10))))).isNotEqualTo(b);
  }

  static List<String> text(List<Outbound> outbound) throws Exception {
    List<String> all = new java.util.ArrayList<>();
    for (Outbound o : outbound) {
      all.add(o instanceof Outbound.FeedRecord r ? r.feed() + Json.mapper().writeValueAsString(r.record()) : o.toString());
    }
    return all;
  }

  @Test
  void handoversBackUpPastAnHourFromTheLateMorningAtOneOrTwoDepartments() {
    Map<String, Instant> arrived = new HashMap<>();
    Map<String, double[]> early = new TreeMap<>();
    Map<String, double[]> late = new TreeMap<>();
    for (HandoverEvent h : records(WHOLE_DAY, HandoverEvent.class)) {
      if (h.event() == HandoverStep.ARRIVED) {
        arrived.put(h.incidentId(), h.at());
      } else if (h.event() == HandoverStep.HANDED_OVER && arrived.containsKey(h.incidentId())) {
        double at = hour(arrived.get(h.incidentId()));
        double minutes = Duration.between(arrived.get(h.incidentId()), h.at()).toMinutes();
        Map<String, double[]> window = at >= 5 && at < 9 ? early : at >= 11 && at < 16 ? late : null;
        if (window != null) {
          double[] sum = window.computeIfAbsent(h.siteCode(), s -> new double[2]);
          sum[0] += minutes;
          sum[1]++;
        }
      }
    }
    Map<String, Double> earlyMean = early.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue()[0] / e.getValue()[1]));
    Map<String, Double> lateMean = late.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue()[0] / e.getValue()[1]));
    List<String> overAnHour = lateMean.entrySet().stream().filter(e -> e.getValue() > 60).map(Map.Entry::getKey)
        .sorted().toList();
    assertThat(overAnHour).as("late-morning mean handover by site: %s", lateMean).hasSizeBetween(1, 2);
    assertThat(earlyMean.values()).as("early-morning means").allMatch(m -> m < 35);
    assertThat(lateMean).allSatisfy((site, mean) -> assertThat(mean).isGreaterThan(earlyMean.get(site)));
  }

  @Test
  void wardOccupancyPeaksInTheEveningAndEscalationBedsOpen() {
    double[] occupied = new double[24];
    double[] open = new double[24];
    int[] escalation = new int[24];
    for (BedState s : records(WHOLE_DAY, BedState.class)) {
      if (s.bedType() == BedType.GA && s.asAt().getEpochSecond() % 3_600 == 0) {
        int h = (int) hour(s.asAt());
        occupied[h] += s.occupied();
        open[h] += s.open();
        escalation[h] += s.escalationOpen();
      }
    }
    int peak = 0;
    int trough = 0;
    for (int h = 0; h < 24; h++) {
      peak = occupied[h] / open[h] > occupied[peak] / open[peak] ? h : peak;
      trough = occupied[h] / open[h] < occupied[trough] / open[trough] ? h : trough;
    }
    assertThat(peak).isBetween(16, 22);
    assertThat(trough).isBetween(5, 10);
    assertThat(occupied[peak] / open[peak]).isGreaterThan(0.97);
    assertThat(occupied[peak] / open[peak] - occupied[trough] / open[trough]).isGreaterThan(0.05);
    assertThat(escalation[peak]).isGreaterThan(escalation[trough]);
  }

  @Test
  void norovirusClosesAWardAtBlackpoolFromSixAndItsSitrepSaysSo() {
    Map<String, Sitrep> sitreps = records(WHOLE_DAY, Sitrep.class).stream()
        .collect(Collectors.toMap(Sitrep::orgCode, s -> s));
    assertThat(sitreps).containsOnlyKeys("RXN", "RXL", "RXR", "RTX");
    assertThat(sitreps.get("RXL").asAt()).isEqualTo(DAY.plus(Duration.ofHours(8)));
    assertThat(sitreps.get("RXL").beds().closedInfectionControl()).isGreaterThanOrEqualTo(4);
    assertThat(sitreps.get("RXL").comments()).contains("norovirus");
    assertThat(sitreps.values().stream().filter(s -> !s.orgCode().equals("RXL")))
        .allSatisfy(s -> assertThat(s.beds().closedInfectionControl()).isZero());
    List<BedState> ward = records(WHOLE_DAY, BedState.class).stream()
        .filter(s -> s.siteCode().equals("RXL01") && s.wardCode().equals("W03")).toList();
    assertThat(ward).filteredOn(s -> hour(s.asAt()) < 6).allSatisfy(s -> assertThat(s.closed()).isZero());
    assertThat(ward.get(ward.size() - 1).closed()).isGreaterThanOrEqualTo(8);
    assertThat(records(WHOLE_DAY, BedState.class)).filteredOn(s -> !s.wardCode().equals("W03")
        || !s.siteCode().equals("RXL01")).allSatisfy(s -> assertThat(s.closed()).isZero());
  }

  @Test
  void theFridgeFailsForACoupleOfHoursAtTheConfiguredSiteOnlyAndItsStockIsQuarantined() {
    List<Outbound> day = day(2026, "RXN2H");
    List<ColdChainReading> warm = records(day, ColdChainReading.class).stream().filter(r -> r.celsius() > 8).toList();
    assertThat(warm).extracting(ColdChainReading::deviceId).containsOnly("RXN2H-F1");
    double from = hour(warm.get(0).at());
    double to = hour(warm.get(warm.size() - 1).at());
    assertThat(from).isBetween(13.0, 14.0);
    assertThat(to - from).isBetween(1.5, 3.0);
    assertThat(records(day, ColdChainReading.class)).allSatisfy(r -> assertThat(r.celsius()).isBetween(3.0, 13.0));
    List<VaccineStock> stock = records(day, VaccineStock.class).stream().filter(s -> s.siteCode().equals("RXN2H"))
        .toList();
    assertThat(stock).filteredOn(s -> hour(s.asAt()) < 13).allSatisfy(s -> assertThat(s.lines())
        .allSatisfy(l -> assertThat(l.quarantined()).isZero()));
    assertThat(stock.get(stock.size() - 1).lines()).anySatisfy(l -> assertThat(l.quarantined()).isEqualTo(l.vials()));
    assertThat(records(day, VaccineStock.class)).filteredOn(s -> !s.siteCode().equals("RXN2H"))
        .allSatisfy(s -> assertThat(s.lines()).allSatisfy(l -> assertThat(l.quarantined()).isZero()));
  }
}
