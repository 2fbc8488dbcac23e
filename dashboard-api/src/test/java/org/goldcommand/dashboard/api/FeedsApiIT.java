package org.goldcommand.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/v1/feeds} of a running dashboard-api: each organisation's feed status from the live
 * channel, within the person's scope. RFA is in Lancashire and South Cumbria (QE1), RFZ elsewhere.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsApiIT {

  ApiHarness api;

  @BeforeAll
  void start(KafkaBroker broker) throws Exception {
    api = new ApiHarness(broker, null);
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (FeedStatus status : List.of(
        new FeedStatus("RFA", "QE1", "sitrep", now, now, 1, 0, null, null, today),
        new FeedStatus("RFA", "QE1", "ed-snapshot", now, now, 96, 2, now, "siteCode RFA9 is not RFA's", today),
        new FeedStatus("RFZ", "QE7", "sitrep", now, now, 1, 0, null, null, today))) {
      api.publish(Topics.FEED_STATUS, status.orgCode() + "/" + status.feed(), status);
    }
    await().atMost(ApiHarness.WAIT).until(() -> api.json("admin", "/api/v1/feeds?org=RFZ").getInteger("count") == 1
        && api.json("admin", "/api/v1/feeds?org=RFA").getInteger("count") == 2);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aFeedAdministratorSeesTheirOrganisationsFeedsByFeedName() throws Exception {
    JsonObject feeds = api.json("feeds-lsc", "/api/v1/feeds?org=RFA");

    assertThat(feeds.getInteger("count")).isEqualTo(2);
    JsonObject ed = feeds.getJsonArray("feeds").getJsonObject(0);
    assertThat(ed.getString("feed")).isEqualTo("ed-snapshot");
    assertThat(ed.getLong("rejectedToday")).isEqualTo(2);
    assertThat(ed.getString("lastRejection")).contains("RFA9");
    assertThat(feeds.getJsonArray("feeds").getJsonObject(1).getString("feed")).isEqualTo("sitrep");
    assertThat(api.json("feeds-lsc", "/api/v1/feeds?org=RFA&feed=sitrep").getJsonArray("feeds"))
        .extracting(f -> ((JsonObject) f).getLong("acceptedToday")).containsExactly(1L);
  }

  @Test
  void feedsOutsideThePersonsScopeAreNotListed() throws Exception {
    assertThat(api.json("feeds-lsc", "/api/v1/feeds?org=RFZ").getInteger("count")).isZero();
    assertThat(api.json("feeds-lsc", "/api/v1/feeds").getJsonArray("feeds").stream()
        .map(f -> ((JsonObject) f).getString("systemCode"))).containsOnly("QE1");
    assertThat(api.json("pharmacist-rxn", "/api/v1/feeds").getJsonArray("feeds").stream()
        .map(f -> ((JsonObject) f).getString("orgCode"))).doesNotContain("RFA", "RFZ");
    assertThat(api.json("viewer-elsewhere", "/api/v1/feeds?org=RFA").getInteger("count")).isZero();
  }

  @Test
  void anUnknownFilterIsRefusedNamingIt() throws Exception {
    var answer = api.get("feeds-lsc", "/api/v1/feeds?organisation=RFA");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getJsonArray("violations").getJsonObject(0).getString("path"))
        .isEqualTo("organisation");
  }
}
