package org.goldcommand.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.ingest.IngestHarness;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every malformed input gets a 4xx with a JSON error saying what is wrong; none gets a 5xx or a 202. */
@ExtendWith(RealKafka.class)
class MalformedCorpusIT {

  @Test
  void everyMalformedInputIsRefusedClearlyAndNoneCrashes(KafkaBroker broker) throws Exception {
    broker.createTopics(Topics.all());
    List<MalformedCorpus.Case> cases = MalformedCorpus.all();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    List<String> wrong = new ArrayList<>();
    try (IngestHarness ingest = new IngestHarness(broker.bootstrapServers())) {
      for (MalformedCorpus.Case c : cases) {
        HttpResponse<String> response = ingest.post(c.path(), "demo-key-rxn", c.contentType(), c.body());
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
          wrong.add(c.name() + " -> " + status + " " + response.body());
          continue;
        }
        JsonObject error = new JsonObject(response.body());
        boolean explained = error.getString("error") != null && !error.getString("error").isBlank()
            && (status == 415 || (error.getJsonArray("violations") != null && !error.getJsonArray("violations").isEmpty()));
        if (!explained) {
          wrong.add(c.name() + " -> " + status + " without a named problem: " + response.body());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
