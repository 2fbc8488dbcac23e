package org.goldcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.junit.jupiter.api.Test;

/** What a submitter sees when Kafka goes away: a clear "retry later", never a false 202. */
class BrokerOutageIT {

  @Test
  void withTheBrokerStoppedIngestAnswers503WithRetryAfterAndNever202() throws Exception {
    KafkaBroker broker = KafkaBroker.startPrivate();
    broker.createTopics(Topics.all());
    try (IngestHarness ingest = new IngestHarness(broker.bootstrapServers())) {
      assertThat(ingest.postSitrep("demo-key-rxn", SitrepIngestIT.sitrep(UUID.randomUUID().toString(), "RXN", 600))
          .statusCode()).isEqualTo(202);

      broker.close();

      HttpResponse<String> response = ingest.postSitrep("demo-key-rxn",
          SitrepIngestIT.sitrep(UUID.randomUUID().toString(), "RXN", 610));
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).contains("5");
      assertThat(response.body()).contains("Retry later").contains("\"ids\"");
      await().atMost(Duration.ofSeconds(15)).until(() -> ingest.get("/ready").statusCode() == 503);
    }
  }
}
