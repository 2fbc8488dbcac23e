package org.goldcommand.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
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
 * {@code /api/v1/pressure} of a running dashboard-api: current pressure from the live channels,
 * history written by the real history sink into a real PostgreSQL, each within the person's scope.
 * Trusts RPA, RPB and RPC are in Lancashire and South Cumbria (QE1), RPZ and system QS5 elsewhere.
 */
@ExtendWith({RealKafka.class, RealPostgres.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PressureApiIT {

  static final Instant TEN = Instant.parse("2026-11-26T10:00:00Z");
  static final String RANGE = "from=2026-11-26T10:00:00Z&to=2026-11-26T12:00:00Z&bucket=PT1H";

  ApiHarness api;

  @BeforeAll
  void start(KafkaBroker broker, TestDatabase db) throws Exception {
    api = new ApiHarness(broker, db);
    trust("RPA", "QE1", 300, 40.0, 2, occupancy(300, 90.0, 2, 10.0),
        new Measure("meanHandoverMinutes", "Mean handover", 30.0, "minutes", TEN.plusSeconds(300), 2, 0.2, 5.0));
    trust("RPA", "QE1", 2100, 60.0, 3, occupancy(2100, 94.0, 3, 20.0));
    trust("RPA", "QE1", 4200, 80.0, 4, occupancy(4200, 97.5, 4, 30.0),
        new Measure("bedsOpen", "Beds open", 700.0, "beds", TEN.plusSeconds(4200)));
    trust("RPB", "QE1", 3600, 70.0, 4);
    trust("RPC", "QE1", 3600, 30.0, 2);
    trust("RPZ", "QE7", 3600, 90.0, 4);
    system("QS5", 600, 50.0, 2, new SystemPressure.Trend(5.0, null, false));
    system("QS5", 2400, 60.0, 3, new SystemPressure.Trend(12.0, 15.0, true));
    await().atMost(ApiHarness.WAIT).until(() -> api.json("admin", "/api/v1/pressure/trusts/RPA/history?" + RANGE)
        .getJsonArray("score").size() == 2 && api.get("admin", "/api/v1/pressure/trusts/RPZ").statusCode() == 200
        && api.json("admin", "/api/v1/pressure/systems/QS5/history?" + RANGE).getJsonArray("points").size() == 1);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  static Measure occupancy(long secondsAfterTen, double value, int level, double contribution) {
    return new Measure("gaOccupancyPct", "G&A occupancy", value, "%", TEN.plusSeconds(secondsAfterTen), level, 0.3,
        contribution);
  }

  void trust(String org, String system, long secondsAfterTen, double score, int level, Measure... measures)
      throws Exception {
    Instant at = TEN.plusSeconds(secondsAfterTen);
    TrustPressure pressure = new TrustPressure(org, org + " Hospitals", system, at, List.of(measures), score, level,
        "opel-test-1", 0.9);
    api.publish(Topics.TRUST_PRESSURE, org, Envelope.of(UUID.randomUUID().toString(), "/test",
        "org.goldcommand.pressure.trust.v1", org, at, Instant.now(), pressure));
  }

  void system(String code, long secondsAfterTen, double score, int level, SystemPressure.Trend trend) throws Exception {
    Instant at = TEN.plusSeconds(secondsAfterTen);
    SystemPressure pressure = new SystemPressure(code, at, score, level, 4,
        List.of(new SystemPressure.TrustPart("RPZ", 90.0, 4, 500)), "opel-test-1", trend);
    api.publish(Topics.SYSTEM_PRESSURE, code, Envelope.of(UUID.randomUUID().toString(), "/test",
        "org.goldcommand.pressure.system.v1", code, at, Instant.now(), pressure));
  }

  static JsonObject violation(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return new JsonObject(answer.body()).getJsonArray("violations").getJsonObject(0);
  }

  @Test
  void aTrustIsServedAsTheLiveChannelHoldsItWithTheMeasuresDrivingItsScore() throws Exception {
    JsonObject trust = api.json("lead-lsc", "/api/v1/pressure/trusts/RPA");

    assertThat(trust.getString("orgCode")).isEqualTo("RPA");
    assertThat(trust.getDouble("score")).isEqualTo(80.0);
    assertThat(trust.getInteger("opelLevel")).isEqualTo(4);
    assertThat(Instant.parse(trust.getString("updatedAt"))).isAfter(TEN);
    JsonObject ga = trust.getJsonArray("measures").getJsonObject(0);
    assertThat(ga.getString("name")).isEqualTo("gaOccupancyPct");
    assertThat(ga.getDouble("value")).isEqualTo(97.5);
    assertThat(ga.getInteger("level")).isEqualTo(4);
    assertThat(ga.getDouble("contribution")).isEqualTo(30.0);
  }

  @Test
  void theListHoldsTheTrustsInScopeMostPressedFirstAndFilters() throws Exception {
    JsonObject list = api.json("lead-lsc", "/api/v1/pressure/trusts?ics=QE1");

    List<JsonObject> trusts = objects(list.getJsonArray("trusts"));
    assertThat(list.getInteger("count")).isEqualTo(trusts.size());
    assertThat(trusts).isSortedAccordingTo(PressureRoutes.mostPressedFirst("orgCode"));
    assertThat(trusts).extracting(t -> t.getString("orgCode")).containsSubsequence("RPA", "RPB", "RPC")
        .doesNotContain("RPZ");
    assertThat(objects(api.json("lead-lsc", "/api/v1/pressure/trusts").getJsonArray("trusts")))
        .allMatch(t -> "QE1".equals(t.getString("systemCode")));
    assertThat(objects(api.json("lead-lsc", "/api/v1/pressure/trusts?org=RPB").getJsonArray("trusts")))
        .extracting(t -> t.getDouble("score")).containsExactly(70.0);
  }

  @Test
  void aTrustOutsideThePersonsScopeIsNotFoundAndNeverListed() throws Exception {
    assertThat(api.get("lead-lsc", "/api/v1/pressure/trusts/RPZ").statusCode()).isEqualTo(404);
    assertThat(api.get("lead-lsc", "/api/v1/pressure/trusts/RPZ/history").statusCode()).isEqualTo(404);
    assertThat(api.get("lead-lsc", "/api/v1/pressure/trusts/NOLIVE/history").statusCode()).isEqualTo(404);
    assertThat(api.json("admin", "/api/v1/pressure/trusts/RPZ").getDouble("score")).isEqualTo(90.0);
    assertThat(api.json("viewer-elsewhere", "/api/v1/pressure/trusts?ics=QE1").getInteger("count")).isZero();
    assertThat(api.json("viewer-elsewhere", "/api/v1/pressure/trusts").getJsonArray("trusts").encode())
        .doesNotContain("\"RPA\"", "\"RPZ\"");
    assertThat(api.get("pharmacist-rxn", "/api/v1/pressure/trusts").statusCode()).isEqualTo(403);
  }

  @Test
  void historyGivesTheStoredScoreAndParametersPerBucketOldestFirst() throws Exception {
    JsonObject history = api.json("viewer-lsc", "/api/v1/pressure/trusts/RPA/history?" + RANGE);

    assertThat(history.getString("orgCode")).isEqualTo("RPA");
    assertThat(history.getString("from")).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(history.getString("to")).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(history.getString("bucket")).isEqualTo("PT1H");
    assertThat(history.getJsonArray("score")).containsExactly(
        new JsonObject().put("at", "2026-11-26T10:00:00Z").put("score", 50.0).put("opelLevel", 3),
        new JsonObject().put("at", "2026-11-26T11:00:00Z").put("score", 80.0).put("opelLevel", 4));
    JsonObject parameters = history.getJsonObject("parameters");
    assertThat(parameters.getJsonArray("gaOccupancyPct")).containsExactly(
        new JsonObject().put("at", "2026-11-26T10:00:00Z").put("value", 92.0).put("max", 94.0).put("level", 3),
        new JsonObject().put("at", "2026-11-26T11:00:00Z").put("value", 97.5).put("max", 97.5).put("level", 4));
    assertThat(parameters.getJsonArray("meanHandoverMinutes")).containsExactly(
        new JsonObject().put("at", "2026-11-26T10:00:00Z").put("value", 30.0).put("max", 30.0).put("level", 2));
    assertThat(parameters.getJsonArray("bedsOpen").getJsonObject(0).getValue("level")).isNull();
    JsonObject fine = api.json("viewer-lsc", "/api/v1/pressure/trusts/RPA/history?from=2026-11-26T10:00:00Z"
        + "&to=2026-11-26T10:30:00Z&bucket=PT15M");
    assertThat(fine.getJsonArray("score")).extracting(p -> ((JsonObject) p).getString("at"))
        .containsExactly("2026-11-26T10:00:00Z");
    assertThat(api.json("admin", "/api/v1/pressure/trusts/NOLIVE/history?" + RANGE).getJsonArray("score")).isEmpty();
  }

  @Test
  void anUnusableRangeIsRefusedNamingTheParameter() throws Exception {
    String history = "/api/v1/pressure/trusts/RPA/history?";
    assertThat(violation(api.get("lead-lsc", history + "bucket=fortnightly")).getString("path")).isEqualTo("bucket");
    assertThat(violation(api.get("lead-lsc", history + "bucket=P2W")).getString("path")).isEqualTo("bucket");
    assertThat(violation(api.get("lead-lsc", history + "bucket=PT30S")).getString("path")).isEqualTo("bucket");
    assertThat(violation(api.get("lead-lsc", history + "from=2020-01-01T00:00:00Z&bucket=PT1M")).getString("path"))
        .isEqualTo("bucket");
    assertThat(violation(api.get("lead-lsc", history + "from=yesterday")).getString("path")).isEqualTo("from");
    assertThat(violation(api.get("lead-lsc", history + "from=2026-11-26T10:00:00")).getString("path"))
        .isEqualTo("from");
    assertThat(violation(api.get("lead-lsc", history + "from=2026-11-26T12:00:00Z&to=2026-11-26T10:00:00Z"))
        .getString("path")).isEqualTo("from");
    assertThat(violation(api.get("lead-lsc", history + "since=2026-11-26T10:00:00Z")).getString("path"))
        .isEqualTo("since");
  }

  @Test
  void systemsAreServedToThoseWhoCoverThemNowAndAsHistory() throws Exception {
    JsonObject system = api.json("admin", "/api/v1/pressure/systems/QS5");
    assertThat(system.getDouble("score")).isEqualTo(60.0);
    assertThat(system.getJsonObject("trend").getBoolean("risingFast")).isTrue();
    assertThat(objects(api.json("admin", "/api/v1/pressure/systems").getJsonArray("systems")))
        .extracting(s -> s.getString("systemCode")).contains("QS5");
    assertThat(api.get("lead-lsc", "/api/v1/pressure/systems/QS5").statusCode()).isEqualTo(404);
    assertThat(api.get("lead-lsc", "/api/v1/pressure/systems/QS5/history").statusCode()).isEqualTo(404);
    assertThat(objects(api.json("lead-lsc", "/api/v1/pressure/systems").getJsonArray("systems")))
        .allMatch(s -> "QE1".equals(s.getString("systemCode")));

    JsonObject history = api.json("admin", "/api/v1/pressure/systems/QS5/history?" + RANGE);
    assertThat(history.getString("systemCode")).isEqualTo("QS5");
    assertThat(history.getString("bucket")).isEqualTo("PT1H");
    assertThat(history.getJsonArray("points")).containsExactly(new JsonObject().put("at", "2026-11-26T10:00:00Z")
        .put("score", 55.0).put("opelLevel", 3).put("highestTrustLevel", 4).put("change2h", 12.0)
        .put("change4h", 15.0).put("risingFast", true));
  }

  static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonObject.class::cast).toList();
  }
}
