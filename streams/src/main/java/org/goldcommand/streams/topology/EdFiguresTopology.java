package org.goldcommand.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.ed.Attendance;
import org.goldcommand.streams.domain.ed.EdCounts;
import org.goldcommand.streams.domain.ed.SiteAttendances;
import org.goldcommand.streams.domain.ed.SiteEd;
import org.goldcommand.streams.domain.ed.TrustEd;
import org.goldcommand.streams.domain.scoring.ScoringTable;
import org.goldcommand.streams.support.RememberedStore;

/**
 * ED snapshots and attendance events to each trust's ED figures (4-hour performance since local
 * midnight, share of patients in the department over 12 hours, ED occupancy). Per site, attendance
 * steps are matched by event time in whichever order they come, a re-sent step counts once, and a
 * step for a day that ended more than {@link SiteAttendances#GRACE} ago is dropped and counted
 * ({@value #LATE_METRIC}); the site shows its latest snapshot while fresh, else its attendances.
 * Per trust, the sites' counts are pooled ({@link TrustEd}).
 *
 * <p>An event for a site the reference data does not know is dropped and counted
 * ({@value #UNKNOWN_SITE_METRIC}) rather than dead-lettered: ingest has already checked every site
 * against the submitting organisation, so an unknown one here means reference data changed since,
 * and attendance events are too many per day to flood the dead-letter topic with.
 */
public final class EdFiguresTopology {

  /** Each attendance's steps so far, keyed {@code <site>/<attendanceId>}. */
  public static final String ATTENDANCES_STORE = "ed-attendances";
  /** Each site's latest snapshot and its attendance counts. */
  public static final String SITES_STORE = "ed-sites";
  /** Each trust's sites' current ED figures. */
  public static final String TRUST_SITES_STORE = "ed-trust-sites";
  public static final String LATE_METRIC = "gc.streams.late.dropped";
  public static final String UNKNOWN_SITE_METRIC = "gc.streams.unknown.site";
  /** How fresh a snapshot must be to be preferred when the table names no ED parameter. */
  public static final Duration DEFAULT_FRESH = Duration.ofMinutes(30);

  private static final Set<String> ED_PARAMETERS =
      Set.of(TrustEd.FOUR_HOUR_PCT, TrustEd.OVER_12H_PCT, TrustEd.ED_OCCUPANCY_PCT);
  private static final JsonSerde<Attendance> ATTENDANCE = JsonSerde.of(Attendance.class);
  private static final JsonSerde<SiteState> SITE = JsonSerde.of(SiteState.class);
  private static final JsonSerde<SiteUpdate> SITE_UPDATE = JsonSerde.of(SiteUpdate.class);
  private static final JsonSerde<TrustSites> TRUST_SITES = JsonSerde.of(TrustSites.class);

  private final ReferenceData reference;
  private final MeterRegistry metrics;
  private final Duration fresh;

  public EdFiguresTopology(ReferenceData reference, ScoringTable table, MeterRegistry metrics) {
    this.reference = reference;
    this.metrics = metrics;
    this.fresh = table.parameters().stream().filter(p -> ED_PARAMETERS.contains(p.name()))
        .map(ScoringTable.Parameter::staleAfter).min(Duration::compareTo).orElse(DEFAULT_FRESH);
  }

  /** A site's state: its latest snapshot's figures (and so its capacity), and its attendances. */
  record SiteState(SiteEd snapshot, SiteAttendances attendances) {

    Integer capacity() {
      return snapshot == null ? null : snapshot.counts().capacity();
    }
  }

  /** A site's new figures, with the event that brought them. */
  record SiteUpdate(SiteEd site, String eventId, Instant receivedAt) {}

  /** A trust's sites' current figures, by site. */
  record TrustSites(Map<String, SiteEd> sites) {}

  /** A snapshot or an attendance step, on the way into the site's state. */
  private record Input(EdSnapshot snapshot, AttendanceEvent attendance, String eventId, Instant receivedAt) {

    String siteCode() {
      return snapshot != null ? snapshot.siteCode() : attendance.siteCode();
    }

    String feed() {
      return snapshot != null ? "ed-snapshot" : "ed-attendance";
    }
  }

  /** Adds the ED part of the topology; returns each trust's new figures. */
  public KStream<String, TrustUpdate> build(StreamsBuilder builder) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ATTENDANCES_STORE),
        Serdes.String(), ATTENDANCE));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SITES_STORE),
        Serdes.String(), SITE));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRUST_SITES_STORE),
        Serdes.String(), TRUST_SITES));
    KStream<String, Input> snapshots = builder
        .stream(Topics.ED_SNAPSHOTS.name(), Consumed.with(Topics.ED_SNAPSHOTS.keySerde(),
            Topics.ED_SNAPSHOTS.valueSerde()).withName("ed-snapshots"))
        .filter((site, e) -> e != null && e.data() != null, Named.as("ed-snapshot-present"))
        .mapValues(e -> new Input(e.data(), null, e.id(), e.receivedAt()), Named.as("ed-snapshot-input"));
    KStream<String, Input> attendances = builder
        .stream(Topics.ED_ATTENDANCES.name(), Consumed.with(Topics.ED_ATTENDANCES.keySerde(),
            Topics.ED_ATTENDANCES.valueSerde()).withName("ed-attendances"))
        .filter((site, e) -> e != null && e.data() != null, Named.as("ed-attendance-present"))
        .mapValues(e -> new Input(null, e.data(), e.id(), e.receivedAt()), Named.as("ed-attendance-input"));
    return snapshots.merge(attendances, Named.as("ed-inputs"))
        .filter((site, input) -> knownSite(input.siteCode(), input.feed()), Named.as("ed-known-site"))
        .processValues(SiteFigures::new, Named.as("ed-site-figures"), ATTENDANCES_STORE, SITES_STORE)
        .selectKey((site, update) -> trustOf(update.site().siteCode()), Named.as("ed-site-trust"))
        .repartition(Repartitioned.with(Serdes.String(), SITE_UPDATE).withName("ed-sites-by-trust"))
        .processValues(TrustFigures::new, Named.as("ed-trust-figures"), TRUST_SITES_STORE);
  }

  private boolean knownSite(String siteCode, String feed) {
    if (siteCode != null && reference.ownerOfSite(siteCode).isPresent()) {
      return true;
    }
    metrics.counter(UNKNOWN_SITE_METRIC, "feed", feed).increment();
    return false;
  }

  private String trustOf(String siteCode) {
    return reference.ownerOfSite(siteCode).map(Organisation::code).orElseThrow();
  }

  /**
   * Keeps each site's latest snapshot and its attendance counts, and forwards the site's figures
   * whenever either changes. Attendances are forgotten {@link SiteAttendances#FORGET_AFTER} after
   * their last step (by stream time), so the store holds only what a late step could still concern.
   */
  private final class SiteFigures implements FixedKeyProcessor<String, Input, SiteUpdate> {
    private final Counter late = metrics.counter(LATE_METRIC, "feed", "ed-attendance");
    private FixedKeyProcessorContext<String, SiteUpdate> context;
    private KeyValueStore<String, Attendance> steps;
    private RememberedStore<String, SiteState> sites;

    @Override
    public void init(FixedKeyProcessorContext<String, SiteUpdate> context) {
      this.context = context;
      this.steps = context.getStateStore(ATTENDANCES_STORE);
      this.sites = RememberedStore.of(context.getStateStore(SITES_STORE));
      context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetOld);
    }

    private void forgetOld(long streamTime) {
      Instant cutoff = Instant.ofEpochMilli(streamTime).minus(SiteAttendances.FORGET_AFTER);
      List<String> old = new ArrayList<>();
      try (KeyValueIterator<String, Attendance> all = steps.all()) {
        all.forEachRemaining(entry -> {
          Instant last = entry.value.lastStep();
          if (last == null || last.isBefore(cutoff)) {
            old.add(entry.key);
          }
        });
      }
      old.forEach(steps::delete);
    }

    @Override
    public void process(FixedKeyRecord<String, Input> record) {
      Input input = record.value();
      String siteCode = input.siteCode();
      SiteState stored = sites.get(siteCode);
      SiteState site = stored != null ? stored : new SiteState(null, SiteAttendances.EMPTY);
      SiteState changed = input.snapshot() != null ? withSnapshot(site, input.snapshot()) : withStep(site,
          input.attendance());
      if (changed == null) {
        return;
      }
      sites.put(siteCode, changed);
      SiteAttendances a = changed.attendances();
      SiteEd fromAttendances = a.newest() == null ? null : new SiteEd(siteCode, SiteEd.Source.ATTENDANCES,
          a.counts(HandoverFiguresTopology.LOCAL).withCapacity(changed.capacity()), a.newest());
      SiteEd shown = SiteEd.choose(changed.snapshot(), fromAttendances, fresh);
      context.forward(record.withValue(new SiteUpdate(shown, input.eventId(), input.receivedAt())));
    }

    private SiteState withSnapshot(SiteState site, EdSnapshot snapshot) {
      SiteEd figures = new SiteEd(snapshot.siteCode(), SiteEd.Source.SNAPSHOT, EdCounts.of(snapshot), snapshot.asAt());
      SiteEd known = site.snapshot();
      if (known != null && (known.asAt().isAfter(snapshot.asAt()) || known.equals(figures))) {
        return null;
      }
      return new SiteState(figures, site.attendances());
    }

    private SiteState withStep(SiteState site, AttendanceEvent event) {
      if (event.attendanceId() == null || event.event() == null || event.at() == null) {
        return null;
      }
      if (!site.attendances().accepts(event.at(), HandoverFiguresTopology.LOCAL)) {
        late.increment();
        return null;
      }
      String key = event.siteCode() + "/" + event.attendanceId();
      Attendance before = steps.get(key);
      before = before == null ? Attendance.NONE : before;
      Attendance after = before.with(event.event(), event.at());
      if (!after.equals(before)) {
        steps.put(key, after);
      }
      SiteAttendances next = site.attendances().change(key, before, after, event.at(), HandoverFiguresTopology.LOCAL);
      if (next.equals(site.attendances())) {
        return null;
      }
      return new SiteState(site.snapshot(), next);
    }
  }

  /** Keeps each trust's sites' latest figures and forwards the pooled figures when one changes. */
  private final class TrustFigures implements FixedKeyProcessor<String, SiteUpdate, TrustUpdate> {
    private FixedKeyProcessorContext<String, TrustUpdate> context;
    private RememberedStore<String, TrustSites> trusts;

    @Override
    public void init(FixedKeyProcessorContext<String, TrustUpdate> context) {
      this.context = context;
      this.trusts = RememberedStore.of(context.getStateStore(TRUST_SITES_STORE));
    }

    @Override
    public void process(FixedKeyRecord<String, SiteUpdate> record) {
      SiteEd site = record.value().site();
      TrustSites stored = trusts.get(record.key());
      Map<String, SiteEd> sites = new TreeMap<>(stored == null ? Map.of() : stored.sites());
      SiteEd known = sites.get(site.siteCode());
      if (known != null && known.asAt().isAfter(site.asAt())) {
        return;
      }
      sites.put(site.siteCode(), site);
      trusts.put(record.key(), new TrustSites(sites));
      TrustEd.Pooled pooled = TrustEd.pool(sites.values(), fresh);
      context.forward(record.withValue(new TrustUpdate(record.key(), TrustEd.measures(pooled), pooled.asAt(),
          "ed/" + record.value().eventId(), record.value().receivedAt())));
    }
  }
}
