package org.goldcommand.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/v1/audit} end to end: a system lead acknowledges an alert through the REST API, the
 * audit entry travels through Kafka and the history sink into PostgreSQL, and an administrator
 * reads back who did it, in what role, and what they said.
 */
@ExtendWith({RealKafka.class, RealPostgres.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiIT {

  ApiHarness api;

  @BeforeAll
  void start(KafkaBroker broker, TestDatabase db) {
    api = new ApiHarness(broker, db);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  Alert raised(String org) throws Exception {
    Instant at = Instant.now();
    String key = "trust-opel-4/" + org;
    Alert alert = new Alert(key + "@" + at.toEpochMilli(), key, "trust-opel-4", "audit-test-1", AlertKind.TRUST_LEVEL,
        Severity.CRITICAL, org, "QE1", org, null, AlertState.RAISED, org + " is at OPEL 4", org + " scores 81 of 100",
        List.of(), new Alert.ActionCard("OPEL 4 actions", List.of("Open the system's escalation call")), at, null,
        null, null, null, null, null, at);
    api.publish(Topics.ALERTS, alert.key(), alert);
    await().atMost(ApiHarness.WAIT).until(() -> api.get("lead-lsc", path(alert)).statusCode() == 200);
    return alert;
  }

  static String path(Alert alert) {
    return "/api/v1/alerts/" + URLEncoder.encode(alert.alertId(), StandardCharsets.UTF_8);
  }

  static String query(Alert alert) {
    return "/api/v1/audit?targetType=alert&targetId=" + URLEncoder.encode(alert.alertId(), StandardCharsets.UTF_8);
  }

  @Test
  void anAcknowledgementIsReadBackByAnAdministratorWithWhoDidItAndInWhatRole() throws Exception {
    Alert alert = raised("RAU1");
    HttpResponse<String> acknowledged = api.post("lead-lsc", path(alert) + "/acknowledge",
        "{\"note\":\"Gold call at 10:00\"}");
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(202);
    String commandId = new JsonObject(acknowledged.body()).getString("commandId");

    await().atMost(ApiHarness.WAIT).until(() -> api.json("admin", query(alert)).getInteger("count") == 1);
    JsonObject entry = api.json("admin", query(alert)).getJsonArray("entries").getJsonObject(0);

    assertThat(entry.getString("id")).isEqualTo(commandId);
    assertThat(entry.getString("actor")).isEqualTo("lead-lsc");
    assertThat(entry.getString("role")).isEqualTo("system-lead");
    assertThat(entry.getString("action")).isEqualTo("alert.acknowledge");
    assertThat(entry.getString("targetType")).isEqualTo("alert");
    assertThat(entry.getString("targetId")).isEqualTo(alert.alertId());
    assertThat(entry.getString("systemCode")).isEqualTo("QE1");
    assertThat(Instant.parse(entry.getString("at"))).isBefore(Instant.now());
    assertThat(entry.getJsonObject("details").getString("note")).isEqualTo("Gold call at 10:00");
    assertThat(entry.getJsonObject("details").getString("name")).startsWith("Sam Okafor");
    assertThat(api.json("admin", "/api/v1/audit?actor=lead-lsc").getJsonArray("entries").encode())
        .contains(commandId);
    assertThat(api.json("admin", "/api/v1/audit?actor=admin").getJsonArray("entries").encode())
        .doesNotContain(commandId);
    assertThat(api.json("admin", "/api/v1/audit?to=2026-01-01T00:00:00Z").getInteger("count")).isZero();
  }

  @Test
  void onlyAdministratorsMayReadTheAuditLog() throws Exception {
    HttpResponse<String> lead = api.get("lead-lsc", "/api/v1/audit");

    assertThat(lead.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(lead.body()).getString("error")).contains("read audit");
    assertThat(api.get("viewer-lsc", "/api/v1/audit").statusCode()).isEqualTo(403);
    assertThat(api.get(null, "/api/v1/audit").statusCode()).isEqualTo(401);
  }

  @Test
  void aTargetIdWithoutItsTypeIsRefusedNamingIt() throws Exception {
    HttpResponse<String> answer = api.get("admin", "/api/v1/audit?targetId=trust-opel-4%2FRAU1%401");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getJsonArray("violations").getJsonObject(0).getString("path"))
        .isEqualTo("targetId");
  }
}
