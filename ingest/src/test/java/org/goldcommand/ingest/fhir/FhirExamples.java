package org.goldcommand.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Encounter;

/**
 * The example resources in {@code src/test/resources/fhir}: HL7's Encounter examples adapted to
 * A&amp;E (class EMER) with UK Core style identifiers, and ways to break them.
 */
final class FhirExamples {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Finished, by ambulance, acuity 2, at RXN02 (Royal Preston); subject with NHS number and name. */
  static final String FINISHED = "encounter-emerg-finished.json";
  /** HL7's "emerg" example: EMER became IMP at 09:27, at RXL01. */
  static final String BECAME_INPATIENT = "encounter-emerg-became-inpatient.json";
  /** Still in the department at RXN01, contained Patient and Location, extensions for mode and acuity. */
  static final String CONTAINED = "encounter-contained-in-department.json";
  /** A planned ward bed: decision to admit, at RXL01. */
  static final String DECISION_TO_ADMIT = "encounter-decision-to-admit.json";
  /** HL7's general example: class AMB, not an attendance. */
  static final String AMBULATORY = "encounter-ambulatory.json";
  /** A transaction of three RXN Encounters. */
  static final String TRANSACTION = "bundle-transaction.json";

  private FhirExamples() {}

  static String text(String name) {
    try (InputStream in = FhirExamples.class.getClassLoader().getResourceAsStream("fhir/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource fhir/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode tree(String name) {
    return (ObjectNode) parse(text(name));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example after a change. */
  static String changed(String name, Consumer<ObjectNode> change) {
    ObjectNode tree = tree(name);
    change.accept(tree);
    return tree.toString();
  }

  /** The example read by HAPI, failing the test if it has any issue. */
  static Encounter encounter(String name) {
    return encounter(tree(name));
  }

  static Encounter encounter(JsonNode tree) {
    FhirReader.Read<Encounter> read = new FhirReader().read(tree, "Encounter", Encounter.class);
    if (read.resource() == null) {
      throw new AssertionError("Example does not read: " + read.issues());
    }
    return read.resource();
  }

  /** A Bundle of the given type holding the resources, each POSTed. */
  static String bundle(String type, List<JsonNode> resources) {
    ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", type);
    ArrayNode entries = bundle.putArray("entry");
    for (JsonNode resource : resources) {
      ObjectNode entry = entries.addObject();
      entry.set("resource", resource);
      entry.putObject("request").put("method", "POST").put("url", "Encounter");
    }
    return bundle.toString();
  }
}
