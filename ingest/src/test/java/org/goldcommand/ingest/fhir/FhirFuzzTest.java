package org.goldcommand.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.ingest.auth.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Thousands of damaged versions of the examples, each cut, retyped or rewritten at random places
 * (seeded, so a failure repeats): every one is either stored or refused with 4xx issues, and none
 * makes the intake throw, which over HTTP would be a 5xx.
 */
class FhirFuzzTest {

  static final List<String> EXAMPLES = List.of(FhirExamples.FINISHED, FhirExamples.BECAME_INPATIENT,
      FhirExamples.CONTAINED, FhirExamples.DECISION_TO_ADMIT, FhirExamples.TRANSACTION);
  static final List<JsonNode> ODD_VALUES = List.of(JsonNodeFactory.instance.nullNode(),
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("EMER"),
      JsonNodeFactory.instance.textNode("2025-13-45T99:00:00Z"), JsonNodeFactory.instance.numberNode(-1),
      JsonNodeFactory.instance.numberNode(1.5e300), JsonNodeFactory.instance.booleanNode(true),
      JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
      JsonNodeFactory.instance.textNode("#pat"), JsonNodeFactory.instance.textNode("\u0000\uFFFF"),
      JsonNodeFactory.instance.objectNode().put("resourceType", "Patient"));

  final FhirSubmission submission = new FhirSubmission(ReferenceDataLoader.demo());
  final ApiClient client = new ApiClient("fuzz", Set.of("RXN", "RXL"));
  final Instant now = Instant.parse("2025-06-01T00:00:00Z");

  @Test
  void noDamagedResourceMakesTheIntakeThrow() {
    Random random = new Random(20250601L);
    int stored = 0;
    for (int round = 0; round < 3_000; round++) {
      String example = EXAMPLES.get(random.nextInt(EXAMPLES.size()));
      ObjectNode tree = FhirExamples.tree(example);
      for (int cuts = 1 + random.nextInt(3); cuts > 0; cuts--) {
        damage(tree, random);
      }
      byte[] body = (random.nextInt(20) == 0 ? truncate(tree.toString(), random) : tree.toString())
          .getBytes(StandardCharsets.UTF_8);
      boolean bundle = example.equals(FhirExamples.TRANSACTION);
      String name = example + " round " + round + ": " + new String(body, StandardCharsets.UTF_8);
      FhirSubmission.Plan[] plan = new FhirSubmission.Plan[1];
      assertThatCode(() -> plan[0] = bundle ? submission.bundle(body, client, now)
          : submission.encounter(body, null, client, now)).as(name).doesNotThrowAnyException();
      if (plan[0].refused()) {
        assertThat(FhirIssue.statusOf(plan[0].issues())).as(name).isBetween(400, 499);
        assertThatCode(() -> FhirResponses.encode(FhirResponses.errors(plan[0].issues()))).doesNotThrowAnyException();
      } else {
        stored++;
        assertThatCode(() -> FhirResponses.encode(plan[0].bundleType() == null
            ? FhirResponses.stored(plan[0].accepted()) : FhirResponses.bundle(plan[0]))).doesNotThrowAnyException();
      }
    }
    assertThat(stored).as("some damage is harmless").isPositive();
  }

  /** Removes, replaces or duplicates one randomly chosen node somewhere in the tree. */
  private static void damage(ObjectNode tree, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(tree, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    JsonNode value = ODD_VALUES.get(random.nextInt(ODD_VALUES.size())).deepCopy();
    if (target instanceof ObjectNode object && !object.isEmpty()) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(3)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, value);
        default -> object.set(name + (random.nextBoolean() ? "x" : ""), object.get(name).deepCopy());
      }
    } else if (target instanceof ArrayNode array && !array.isEmpty()) {
      int index = random.nextInt(array.size());
      if (random.nextBoolean()) {
        array.remove(index);
      } else {
        array.set(index, value);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }

  private static String truncate(String json, Random random) {
    return json.substring(0, random.nextInt(json.length()));
  }
}
