package org.goldcommand.streams.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.vaccine.VaccineBookings;
import org.goldcommand.events.vaccine.VaccineStock;
import org.goldcommand.streams.domain.alerts.AlertConditions;
import org.goldcommand.streams.domain.alerts.Observation;

/**
 * Keeps each vaccination site's latest stock and its bookings from today on, and re-judges its
 * doses at risk whenever either changes, so a cancelled clinic raises the alert as surely as a
 * delivery of short-dated stock. "Today" is the UK date of the site's latest stock count, and
 * bookings for earlier days are forgotten when the count moves on, so the store stays small.
 */
final class AlertVaccineSites implements FixedKeyProcessor<String, AlertVaccineSites.Update, List<Observation>> {

  static final String STORE = "alert-vaccine-sites";

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final AlertConditions conditions;
  private FixedKeyProcessorContext<String, List<Observation>> context;
  private KeyValueStore<String, SiteStock> sites;

  AlertVaccineSites(AlertConditions conditions) {
    this.conditions = conditions;
  }

  /**
   * A stock count or a day's bookings for a site, as received.
   *
   * @param stock a stock count, or null
   * @param bookings a day's bookings, or null
   * @param receivedAt when Gold Command received it
   */
  record Update(VaccineStock stock, VaccineBookings bookings, Instant receivedAt) {

    String siteCode() {
      return stock != null ? stock.siteCode() : bookings.siteCode();
    }
  }

  /**
   * A site's latest stock and bookings.
   *
   * @param stock the latest count, or null before the first
   * @param bookings booked appointments by product and day
   */
  record SiteStock(VaccineStock stock, Map<String, Map<LocalDate, Integer>> bookings) {

    SiteStock {
      bookings = bookings == null ? Map.of() : bookings;
    }
  }

  static StoreBuilder<KeyValueStore<String, SiteStock>> store() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
        JsonSerde.of(SiteStock.class));
  }

  @Override
  public void init(FixedKeyProcessorContext<String, List<Observation>> context) {
    this.context = context;
    this.sites = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Update> record) {
    Update update = record.value();
    String site = update.siteCode();
    SiteStock stored = sites.get(site);
    VaccineStock stock = stored == null ? null : stored.stock();
    if (update.stock() != null && (stock == null || !update.stock().asAt().isBefore(stock.asAt()))) {
      stock = update.stock();
    }
    Map<String, Map<LocalDate, Integer>> bookings = new HashMap<>();
    if (stored != null) {
      stored.bookings().forEach((product, days) -> bookings.put(product, new HashMap<>(days)));
    }
    if (update.bookings() != null) {
      bookings.computeIfAbsent(update.bookings().product(), p -> new HashMap<>())
          .put(update.bookings().date(), update.bookings().booked());
    }
    if (stock == null) {
      sites.put(site, new SiteStock(null, bookings));
      return;
    }
    LocalDate today = LocalDate.ofInstant(stock.asAt(), UK);
    bookings.values().forEach(days -> days.keySet().removeIf(day -> day.isBefore(today)));
    bookings.values().removeIf(Map::isEmpty);
    sites.put(site, new SiteStock(stock, bookings));
    context.forward(record.withValue(conditions.dosesAtRisk(site, stock.lines(), bookings, today,
        update.receivedAt())));
  }
}
