package org.goldcommand.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.validation.SchemaValidator;
import org.goldcommand.events.validation.Violation;
import org.junit.jupiter.api.Test;

/** What {@code alerts.v1} carries is what {@code schemas/alert.v1.json} promises the dashboard and webhooks. */
class AlertContractTest {

  static final Instant RAISED = Instant.parse("2026-12-01T08:00:00Z");

  final SchemaValidator schema = SchemaValidator.forResource("schemas/alert.v1.json");

  static Alert raised() {
    return new Alert("trust-opel-4/RXN@" + RAISED.toEpochMilli(), "trust-opel-4/RXN", "trust-opel-4",
        "design-2026.12-illustrative", AlertKind.TRUST_LEVEL, Severity.CRITICAL, "RXN", "QE1", "RXN", null,
        AlertState.RAISED, "Lancashire Teaching Hospitals at OPEL 4",
        "Lancashire Teaching Hospitals is at OPEL 4 (score 78.5): G&A bed occupancy 98.1%.",
        List.of(new Alert.Figure("score", "Pressure score", 78.5, "points", RAISED),
            new Alert.Figure("opelLevel", "OPEL level", 4, null, RAISED)),
        new Alert.ActionCard("Trust at OPEL 4", List.of("Declare OPEL 4 to the ICB on-call director")),
        RAISED, null, null, null, null, null, null, RAISED);
  }

  JsonNode serialised(Alert alert) {
    byte[] bytes = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
    try {
      return Json.mapper().readTree(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyStepOfAnAlertAsTheTopicWritesItConformsAndReadsBack() {
    Alert raised = raised();
    Alert acknowledged = new Alert(raised.alertId(), raised.key(), raised.ruleId(), raised.rulesVersion(),
        raised.kind(), raised.severity(), raised.subject(), raised.systemCode(), raised.orgCode(), raised.siteCode(),
        AlertState.ACKNOWLEDGED, raised.title(), raised.message(), raised.figures(), raised.action(), RAISED,
        RAISED.plusSeconds(60), "duty.director", "On it", null, null, null, RAISED.plusSeconds(60));
    Alert resolved = new Alert(raised.alertId(), raised.key(), raised.ruleId(), raised.rulesVersion(), raised.kind(),
        raised.severity(), raised.subject(), raised.systemCode(), raised.orgCode(), raised.siteCode(),
        AlertState.RESOLVED, raised.title(), raised.message(), raised.figures(), raised.action(), RAISED,
        RAISED.plusSeconds(60), "duty.director", "On it", RAISED.plusSeconds(9000), "gold-command",
        "The condition has been clear for 2 h", RAISED.plusSeconds(9000));
    for (Alert alert : List.of(raised, acknowledged, resolved)) {
      JsonNode node = serialised(alert);
      assertThat(schema.validate(node)).as(alert.state().name()).isEmpty();
      assertThat(Topics.ALERTS.valueSerde().deserializer().deserialize(Topics.ALERTS.name(),
          Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert))).isEqualTo(alert);
    }
  }

  @Test
  void anAcknowledgementWithoutWhoOrAnUnknownKindIsNamedByItsField() {
    ObjectNode node = (ObjectNode) serialised(raised());
    node.put("state", "ACKNOWLEDGED");
    node.put("kind", "BAD_DAY");
    node.remove("systemCode");
    assertThat(schema.validate(node)).extracting(Violation::path)
        .contains("acknowledgedAt", "acknowledgedBy", "kind", "systemCode");
  }
}
