package org.goldcommand.ingest.feeds;

import java.time.ZoneOffset;
import java.util.List;
import org.goldcommand.events.ambulance.HandoverEvent;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.events.vaccine.VaccineBookings;
import org.goldcommand.events.vaccine.VaccineStock;

/**
 * The site-level JSON feeds ingest takes over HTTP, each with its path. Event ids combine the
 * natural key below with a hash of the content: an identical re-send is counted once, a changed
 * record is a new fact.
 */
public final class Feeds {

  public static final SiteFeed<EdSnapshot> ED_SNAPSHOT = new SiteFeed<>("ed-snapshot", Topics.ED_SNAPSHOTS,
      EdSnapshot.class, EdSnapshot::siteCode, EdSnapshot::asAt, s -> s.siteCode() + "/" + s.asAt(),
      EdSnapshot::siteCode, FeedRules::edSnapshot, false);

  public static final SiteFeed<AttendanceEvent> ED_ATTENDANCE = new SiteFeed<>("ed-attendance",
      Topics.ED_ATTENDANCES, AttendanceEvent.class, AttendanceEvent::siteCode, AttendanceEvent::at,
      a -> a.siteCode() + "/" + a.attendanceId() + "/" + a.event(), AttendanceEvent::siteCode, a -> List.of(), false);

  public static final SiteFeed<HandoverEvent> AMBULANCE_HANDOVER = new SiteFeed<>("ambulance-handover",
      Topics.AMBULANCE_HANDOVERS, HandoverEvent.class, HandoverEvent::siteCode, HandoverEvent::at,
      h -> h.incidentId() + "/" + h.event(), HandoverEvent::incidentId, h -> List.of(), false);

  public static final SiteFeed<BedState> BED_STATE = new SiteFeed<>("bed-state", Topics.BED_STATES, BedState.class,
      BedState::siteCode, BedState::asAt, b -> b.siteCode() + "/" + b.wardCode() + "/" + b.bedType() + "/" + b.asAt(),
      BedState::siteCode, FeedRules::bedState, false);

  public static final SiteFeed<VaccineStock> VACCINE_STOCK = new SiteFeed<>("vaccine-stock", Topics.VACCINE_STOCK,
      VaccineStock.class, VaccineStock::siteCode, VaccineStock::asAt, s -> s.siteCode() + "/" + s.asAt(),
      VaccineStock::siteCode, FeedRules::vaccineStock, false);

  public static final SiteFeed<VaccineBookings> VACCINE_BOOKINGS = new SiteFeed<>("vaccine-bookings",
      Topics.VACCINE_BOOKINGS, VaccineBookings.class, VaccineBookings::siteCode,
      b -> b.date().atStartOfDay(ZoneOffset.UTC).toInstant(), b -> b.siteCode() + "/" + b.date() + "/" + b.product(),
      VaccineBookings::siteCode, b -> List.of(), true);

  public static final SiteFeed<ColdChainReading> COLD_CHAIN = new SiteFeed<>("cold-chain", Topics.COLD_CHAIN,
      ColdChainReading.class, ColdChainReading::siteCode, ColdChainReading::at, r -> r.deviceId() + "/" + r.at(),
      ColdChainReading::siteCode, r -> List.of(), false);

  private Feeds() {}
}
