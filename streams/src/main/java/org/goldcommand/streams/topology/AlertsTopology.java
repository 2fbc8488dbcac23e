package org.goldcommand.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.JsonSerde;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.alerts.AlertConditions;
import org.goldcommand.streams.domain.alerts.AlertRuleSet;
import org.goldcommand.streams.domain.alerts.Observation;

/**
 * Alerts as data: trust and system pressure, feed status, fridge readings, vaccine stock and
 * bookings are turned into observations of the alert rules' conditions, keyed by alert key
 * ({@code <ruleId>/<subject>}), kept only when they could change their alert ({@link AlertChanges}),
 * and repartitioned with people's commands so that one task owns each key; there
 * {@link AlertSteps} runs the lifecycle and publishes every step on {@code alerts.v1}.
 * An input that says nothing the rules can place (a subject missing from reference data, a
 * pressure with no score) is skipped and counted in {@code gc.alerts.inputs.skipped}.
 */
public final class AlertsTopology {

  /** Each alert key's lifecycle slot. */
  public static final String STORE = AlertSteps.STORE;
  /** What was last passed on for each alert key, before the repartition. */
  public static final String CHANGES_STORE = AlertChanges.STORE;
  /** Each vaccination site's latest stock and bookings. */
  public static final String VACCINE_STORE = AlertVaccineSites.STORE;

  private static final JsonSerde<AlertInput> INPUT = JsonSerde.of(AlertInput.class);

  private final AlertConditions conditions;
  private final MeterRegistry metrics;

  public AlertsTopology(ReferenceData reference, AlertRuleSet rules, MeterRegistry metrics) {
    this.conditions = new AlertConditions(rules, reference);
    this.metrics = metrics;
  }

  /** Adds this topology to the builder. */
  public void build(StreamsBuilder builder) {
    KStream<String, Observation> observations = observed(builder, Topics.TRUST_PRESSURE, conditions::trust)
        .merge(observed(builder, Topics.SYSTEM_PRESSURE, conditions::system), Named.as("alerts-merge-system"))
        .merge(observations(Topics.FEED_STATUS.name(), builder.stream(Topics.FEED_STATUS.name(),
            Consumed.with(Topics.FEED_STATUS.keySerde(), Topics.FEED_STATUS.valueSerde())
                .withName("alerts-" + Topics.FEED_STATUS.name())), conditions::feed), Named.as("alerts-merge-feeds"))
        .merge(observed(builder, Topics.COLD_CHAIN, conditions::coldChain), Named.as("alerts-merge-cold-chain"))
        .merge(vaccine(builder), Named.as("alerts-merge-vaccine"));

    KStream<String, AlertInput> commands = builder
        .stream(Topics.ALERT_COMMANDS.name(), Consumed.with(Topics.ALERT_COMMANDS.keySerde(),
            Topics.ALERT_COMMANDS.valueSerde()).withName("alerts-commands"))
        .filter((key, command) -> counted(command != null && command.key() != null, Topics.ALERT_COMMANDS.name()),
            Named.as("alerts-readable-commands"))
        .mapValues(AlertInput::of, Named.as("alerts-command-input"));

    builder.addStateStore(AlertChanges.store());
    builder.addStateStore(AlertSteps.store());
    observations
        .processValues(AlertChanges::new, Named.as("alerts-changes"), AlertChanges.STORE)
        .mapValues(AlertInput::of, Named.as("alerts-observation-input"))
        .merge(commands, Named.as("alerts-inputs"))
        .selectKey((key, input) -> input.alertKey(), Named.as("alerts-key"))
        .repartition(Repartitioned.with(Serdes.String(), INPUT).withName("alerts-by-key"))
        .process(() -> new AlertSteps(metrics), Named.as("alerts-lifecycle"), AlertSteps.STORE)
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("alerts-out"));
  }

  private <T> KStream<String, Observation> observed(StreamsBuilder builder, Topic<String, Envelope<T>> topic,
      Function<T, List<Observation>> observe) {
    KStream<String, T> data = builder
        .stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName("alerts-" + topic.name()))
        .filter((key, envelope) -> counted(envelope != null && envelope.data() != null, topic.name()),
            Named.as("alerts-readable-" + topic.name()))
        .mapValues(Envelope::data, Named.as("alerts-data-" + topic.name()));
    return observations(topic.name(), data, observe);
  }

  private <T> KStream<String, Observation> observations(String topic, KStream<String, T> data,
      Function<T, List<Observation>> observe) {
    return data.flatMapValues(value -> {
      List<Observation> out = value == null ? List.of() : observe.apply(value);
      counted(!out.isEmpty(), topic);
      return out;
    }, Named.as("alerts-observe-" + topic));
  }

  private KStream<String, Observation> vaccine(StreamsBuilder builder) {
    builder.addStateStore(AlertVaccineSites.store());
    KStream<String, AlertVaccineSites.Update> stock = builder
        .stream(Topics.VACCINE_STOCK.name(), Consumed.with(Topics.VACCINE_STOCK.keySerde(),
            Topics.VACCINE_STOCK.valueSerde()).withName("alerts-" + Topics.VACCINE_STOCK.name()))
        .filter((key, e) -> counted(e != null && e.data() != null && e.data().siteCode() != null
            && e.data().asAt() != null, Topics.VACCINE_STOCK.name()), Named.as("alerts-readable-stock"))
        .mapValues(e -> new AlertVaccineSites.Update(e.data(), null, e.receivedAt()), Named.as("alerts-stock"));
    KStream<String, AlertVaccineSites.Update> bookings = builder
        .stream(Topics.VACCINE_BOOKINGS.name(), Consumed.with(Topics.VACCINE_BOOKINGS.keySerde(),
            Topics.VACCINE_BOOKINGS.valueSerde()).withName("alerts-" + Topics.VACCINE_BOOKINGS.name()))
        .filter((key, e) -> counted(e != null && e.data() != null && e.data().siteCode() != null
            && e.data().date() != null && e.data().product() != null, Topics.VACCINE_BOOKINGS.name()),
            Named.as("alerts-readable-bookings"))
        .mapValues(e -> new AlertVaccineSites.Update(null, e.data(), e.receivedAt()), Named.as("alerts-bookings"));
    return stock.merge(bookings, Named.as("alerts-vaccine-updates"))
        .processValues(() -> new AlertVaccineSites(conditions), Named.as("alerts-doses-at-risk"),
            AlertVaccineSites.STORE)
        .flatMapValues(list -> list, Named.as("alerts-vaccine-observations"));
  }

  private boolean counted(boolean usable, String topic) {
    if (!usable) {
      metrics.counter("gc.alerts.inputs.skipped", "topic", topic).increment();
    }
    return usable;
  }
}
