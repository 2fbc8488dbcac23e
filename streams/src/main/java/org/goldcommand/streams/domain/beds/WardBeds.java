package org.goldcommand.streams.domain.beds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.beds.BedType;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.streams.domain.occupancy.BedOccupancy;
import org.goldcommand.streams.domain.occupancy.SitrepMeasures;

/**
 * A trust's bed figures from its wards' bed states: the latest state of each ward, summed by bed
 * type, gives the same measures a sitrep does (G&amp;A occupancy, escalation share, critical care
 * occupancy, under the same names), so whichever feed is newer is the one the wall shows. A ward
 * not heard of for {@link #FORGET_AFTER} while others report is taken as closed or renamed and
 * stops counting.
 */
public final class WardBeds {

  /** A ward silent this long behind the trust's newest ward state no longer counts. */
  public static final Duration FORGET_AFTER = Duration.ofDays(1);

  private WardBeds() {}

  /** The ward's key within its trust. */
  public static String ward(BedState state) {
    return state.siteCode() + "/" + state.wardCode();
  }

  /**
   * The trust's wards with one more state, or null when it changes nothing: an older state than the
   * ward's latest, or a copy of it, is ignored; a state at the same time with other figures is a
   * correction and replaces it.
   */
  public static Map<String, BedState> with(Map<String, BedState> wards, BedState state) {
    BedState known = wards.get(ward(state));
    if (known != null && (known.asAt().isAfter(state.asAt()) || known.equals(state))) {
      return null;
    }
    Map<String, BedState> updated = new TreeMap<>(wards);
    updated.put(ward(state), state);
    Instant newest = updated.values().stream().map(BedState::asAt).max(Comparator.naturalOrder()).orElseThrow();
    updated.values().removeIf(w -> w.asAt().isBefore(newest.minus(FORGET_AFTER)));
    return updated;
  }

  /** The measures of the wards' summed beds; a percentage is left out when nothing is open. */
  public static List<Measure> measures(Collection<BedState> wards) {
    List<Measure> measures = new ArrayList<>();
    Totals ga = Totals.of(wards, BedType.GA);
    if (ga != null) {
      if (ga.open() > 0) {
        measures.add(new Measure(BedOccupancy.GA_OCCUPANCY_PCT, "G&A occupancy",
            BedOccupancy.percent(ga.occupied(), ga.open()), "%", ga.asAt()));
        measures.add(new Measure(SitrepMeasures.ESCALATION_SHARE_PCT, "Escalation beds of open G&A beds",
            BedOccupancy.percent(ga.escalationOpen(), ga.open()), "%", ga.asAt()));
      }
      measures.add(new Measure(BedOccupancy.GA_OCCUPIED, "G&A beds occupied", ga.occupied(), "beds", ga.asAt()));
      measures.add(new Measure(BedOccupancy.GA_OPEN, "G&A beds open", ga.open(), "beds", ga.asAt()));
    }
    Totals cc = Totals.of(wards, BedType.CRITICAL_CARE);
    if (cc != null) {
      if (cc.open() > 0) {
        measures.add(new Measure(BedOccupancy.CC_OCCUPANCY_PCT, "Critical care occupancy",
            BedOccupancy.percent(cc.occupied(), cc.open()), "%", cc.asAt()));
      }
      measures.add(new Measure(BedOccupancy.CC_OCCUPIED, "Critical care beds occupied", cc.occupied(), "beds",
          cc.asAt()));
      measures.add(new Measure(BedOccupancy.CC_OPEN, "Critical care beds open", cc.open(), "beds", cc.asAt()));
    }
    return measures;
  }

  /**
   * One bed type's beds summed over the wards.
   *
   * @param open beds open (escalation beds included)
   * @param occupied beds occupied
   * @param escalationOpen escalation beds open, never more than the ward's open beds
   * @param asAt the newest of the wards' states
   */
  public record Totals(int open, int occupied, int escalationOpen, Instant asAt) {

    /** The totals of the wards of one type; null when there are none. */
    public static Totals of(Collection<BedState> wards, BedType type) {
      List<BedState> ofType = wards.stream().filter(w -> w.bedType() == type).toList();
      if (ofType.isEmpty()) {
        return null;
      }
      return new Totals(ofType.stream().mapToInt(BedState::open).sum(),
          ofType.stream().mapToInt(BedState::occupied).sum(),
          ofType.stream().mapToInt(w -> Math.min(w.escalationOpen(), w.open())).sum(),
          ofType.stream().map(BedState::asAt).max(Comparator.naturalOrder()).orElseThrow());
    }
  }
}
