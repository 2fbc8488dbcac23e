package org.goldcommand.ingest.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.serde.Json;

/**
 * Malformed inputs for every HTTP feed, made from the valid examples: each required field removed,
 * each field given the wrong type or a negative count, an unknown field added, the JSON cut short,
 * and bodies of the wrong shape or media type. Each must get a 4xx naming the problem.
 */
final class MalformedCorpus {

  /** One malformed request. */
  record Case(String name, String path, String contentType, String body) {}

  private MalformedCorpus() {}

  static List<Case> all() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (FeedExamples.Example example : FeedExamples.all()) {
      ObjectNode valid = (ObjectNode) Json.mapper().readTree(example.body());
      String feed = example.feed();
      String path = example.path();
      JsonNode schema = Json.mapper().readTree(MalformedCorpus.class.getClassLoader()
          .getResourceAsStream("schemas/" + feed + ".v1.json"));
      List<String> required = new ArrayList<>();
      schema.get("required").forEach(r -> required.add(r.asText()));
      List<String> names = new ArrayList<>();
      valid.fieldNames().forEachRemaining(names::add);
      for (String field : names) {
        if (required.contains(field)) {
          ObjectNode without = valid.deepCopy();
          without.remove(field);
          cases.add(new Case(feed + " without " + field, path, "application/json", without.toString()));
        }
        ObjectNode wrongType = valid.deepCopy();
        JsonNode value = valid.get(field);
        if (value.isNumber()) {
          wrongType.put(field, "lots");
          cases.add(new Case(feed + " " + field + " as text", path, "application/json", wrongType.toString()));
          JsonNode minimum = schema.path("properties").path(field).path("minimum");
          if (minimum.isNumber()) {
            ObjectNode below = valid.deepCopy();
            below.put(field, minimum.asDouble() - 1);
            cases.add(new Case(feed + " " + field + " below its minimum", path, "application/json", below.toString()));
          }
        } else if (value.isTextual()) {
          wrongType.put(field, 42);
          cases.add(new Case(feed + " " + field + " as a number", path, "application/json", wrongType.toString()));
        } else {
          wrongType.put(field, "not an object");
          cases.add(new Case(feed + " " + field + " as text", path, "application/json", wrongType.toString()));
        }
      }
      ObjectNode unknown = valid.deepCopy();
      unknown.put("nhsNumber", "9434765919");
      cases.add(new Case(feed + " with an unknown field", path, "application/json", unknown.toString()));
      String text = valid.toString();
      cases.add(new Case(feed + " cut in half", path, "application/json", text.substring(0, text.length() / 2)));
      cases.add(new Case(feed + " missing its last brace", path, "application/json", text.substring(0, text.length() - 1)));
      cases.add(new Case(feed + " empty body", path, "application/json", ""));
      cases.add(new Case(feed + " an array of numbers", path, "application/json", "[1,2,3]"));
      cases.add(new Case(feed + " a bare string", path, "application/json", "\"sitrep\""));
      cases.add(new Case(feed + " as XML", path, "application/xml", "<sitrep/>"));
      cases.add(new Case(feed + " NDJSON with a broken line", path, "application/x-ndjson", text + "\n{\"siteCode\":\n"));
      cases.add(new Case(feed + " NDJSON of nothing", path, "application/x-ndjson", "\n\n"));
    }
    cases.add(new Case("sitrep CSV with a missing column", "/v1/sitreps", "text/csv",
        "orgCode,asAt,beds.gaCoreOpen\nRXN," + FeedExamples.now() + ",700\n"));
    cases.add(new Case("sitrep CSV with a short row", "/v1/sitreps", "text/csv",
        "orgCode,asAt,beds.gaCoreOpen,beds.gaOccupied\nRXN," + FeedExamples.now() + ",700\n"));
    cases.add(new Case("sitrep CSV with an unclosed quote", "/v1/sitreps", "text/csv",
        "orgCode,asAt,beds.gaCoreOpen,beds.gaOccupied\n\"RXN," + FeedExamples.now() + ",700,600\n"));
    cases.add(new Case("sitrep CSV header only", "/v1/sitreps", "text/csv", "orgCode,asAt,beds.gaCoreOpen,beds.gaOccupied\n"));
    cases.add(new Case("sitrep CSV with an unknown column", "/v1/sitreps", "text/csv",
        "orgCode,asAt,beds.gaCoreOpen,beds.gaOccupied,beds.trolleys\nRXN," + FeedExamples.now() + ",700,600,4\n"));
    cases.add(new Case("sitrep with a NUL in its comments", "/v1/sitreps", "application/json",
        "{\"orgCode\":\"RXN\",\"asAt\":\"" + FeedExamples.now() + "\",\"beds\":{\"gaCoreOpen\":1,\"gaOccupied\":1},"
            + "\"comments\":\"ward\\u0000closed\"}"));
    cases.add(new Case("sitrep for an ambulance trust", "/v1/sitreps", "application/json",
        "{\"orgCode\":\"RX7\",\"asAt\":\"" + FeedExamples.now() + "\",\"beds\":{\"gaCoreOpen\":1,\"gaOccupied\":1}}"));
    cases.add(new Case("sitrep in the future", "/v1/sitreps", "application/json",
        "{\"orgCode\":\"RXN\",\"asAt\":\"2099-01-01T08:00:00Z\",\"beds\":{\"gaCoreOpen\":1,\"gaOccupied\":1}}"));
    cases.add(new Case("ED snapshot of an unknown site", "/v1/ed/snapshots", "application/json",
        FeedExamples.all().get(1).body().replace("RXN02", "ZZZ99")));
    cases.add(new Case("bed state with more occupied than open", "/v1/beds/states", "application/json",
        FeedExamples.all().get(4).body().replace("\"occupied\":27", "\"occupied\":29")));
    return cases;
  }
}
