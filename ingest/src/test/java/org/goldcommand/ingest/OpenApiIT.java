package org.goldcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The served OpenAPI document is true to the server: every documented feed exists, every schema it names is served. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT {

  IngestHarness ingest;
  JsonNode document;

  @BeforeAll
  void start(KafkaBroker broker) throws Exception {
    broker.createTopics(Topics.all());
    ingest = new IngestHarness(broker.bootstrapServers());
    HttpResponse<String> served = ingest.get("/openapi.yaml");
    assertThat(served.statusCode()).isEqualTo(200);
    document = new ObjectMapper(new YAMLFactory()).readTree(served.body());
  }

  @AfterAll
  void stop() {
    ingest.close();
  }

  @Test
  void itIsOpenApi31AndEveryDocumentedFeedIsAuthenticatedNotMissing() throws Exception {
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    List<String> missing = new ArrayList<>();
    for (var path : document.get("paths").properties()) {
      if (path.getValue().has("post")) {
        int status = ingest.post(path.getKey(), null, "application/json", "{}").statusCode();
        if (status != 401) {
          missing.add(path.getKey() + " answered " + status);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everySchemaItReferencesIsServed() throws Exception {
    Set<String> refs = new HashSet<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      HttpResponse<String> schema = ingest.get(ref);
      assertThat(schema.statusCode()).as(ref).isEqualTo(200);
      assertThat(schema.body()).as(ref).contains("\"$schema\"");
    }
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.asText().startsWith("/schemas/")) {
        refs.add(ref.asText());
      }
      node.elements().forEachRemaining(child -> collectRefs(child, refs));
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
