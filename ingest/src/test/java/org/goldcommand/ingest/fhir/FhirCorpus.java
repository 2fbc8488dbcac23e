package org.goldcommand.ingest.fhir;

import static org.goldcommand.ingest.fhir.FhirExamples.CONTAINED;
import static org.goldcommand.ingest.fhir.FhirExamples.FINISHED;
import static org.goldcommand.ingest.fhir.FhirExamples.changed;
import static org.goldcommand.ingest.fhir.FhirExamples.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * FHIR inputs that must be refused, each with the 4xx it earns and a word the OperationOutcome
 * must contain (the FHIRPath of the element, or what is wrong). Sent with the {@code demo-key-rxn}
 * key, whose trust RXN owns sites RXN01 and RXN02.
 */
final class FhirCorpus {

  static final String JSON = "application/fhir+json";

  /**
   * One malformed input.
   *
   * @param name what is wrong
   * @param method HTTP method
   * @param path path under the FHIR base: {@code /Encounter}, {@code /Encounter/[id]} or {@code /}
   * @param contentType the Content-Type sent
   * @param body the body
   * @param status the status it must get
   * @param mentions text the answer must contain
   * @param httpOnly whether only the HTTP layer can judge it (media type, size)
   */
  record Case(String name, String method, String path, String contentType, byte[] body, int status, String mentions,
      boolean httpOnly) {

    @Override
    public String toString() {
      return name;
    }
  }

  private FhirCorpus() {}

  /** Every case; {@code bodyLimit} is the server's body limit, for the oversized one. */
  static List<Case> all(int bodyLimit) {
    List<Case> cases = new ArrayList<>();
    encounter(cases, "broken JSON", "{\"resourceType\":\"Encounter\",", 400, "not valid JSON");
    encounter(cases, "empty body", "", 400, "empty");
    encounter(cases, "a JSON array", "[{\"resourceType\":\"Encounter\"}]", 400, "one JSON object");
    encounter(cases, "XML sent as JSON", "<Encounter xmlns=\"http://hl7.org/fhir\"><status value=\"finished\"/>"
        + "</Encounter>", 400, "XML");
    cases.add(new Case("not UTF-8", "POST", "/Encounter", JSON, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"',
        '}'}, 400, "UTF-8", false));
    encounter(cases, "a Patient", "{\"resourceType\":\"Patient\",\"id\":\"example\",\"name\":[{\"family\":\"Chalmers\"}]}",
        400, "expected Encounter");
    encounter(cases, "an Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}",
        400, "expected Encounter");
    encounter(cases, "no resourceType", changed(FINISHED, e -> e.remove("resourceType")), 400, "Encounter.resourceType");
    encounter(cases, "misspelt resourceType", changed(FINISHED, e -> e.put("resourceType", "Encounterr")), 400,
        "expected Encounter");
    encounter(cases, "no class", changed(FINISHED, e -> e.remove("class")), 400, "Encounter.class");
    encounter(cases, "class AMB", text(FhirExamples.AMBULATORY), 422, "Encounter.class");
    encounter(cases, "class IMP without EMER history", changed(FINISHED, e -> ((ObjectNode) e.get("class"))
        .put("code", "IMP")), 422, "not EMER");
    encounter(cases, "no period", changed(CONTAINED, e -> {
      e.remove("period");
      e.remove("statusHistory");
    }), 422, "Encounter.period.start");
    encounter(cases, "unknown element", changed(FINISHED, e -> e.put("colour", "red")), 400, "Encounter.colour");
    encounter(cases, "unknown nested element", changed(FINISHED, e -> ((ObjectNode) e.get("period")).put("foo", 1)),
        400, "Encounter.period.foo");
    encounter(cases, "unknown status code", changed(FINISHED, e -> e.put("status", "wibble")), 400, "Encounter.status");
    encounter(cases, "malformed date", changed(FINISHED, e -> ((ObjectNode) e.get("statusHistory").get(1).get("period"))
        .put("start", "yesterday")), 400, "Encounter.statusHistory[1].period.start");
    encounter(cases, "identifier not an array", changed(FINISHED, e -> e.set("identifier", e.get("identifier").get(0))),
        400, "Encounter.identifier");
    encounter(cases, "status a number", changed(FINISHED, e -> e.put("status", 3)), 400, "Encounter.status");
    encounter(cases, "duplicate key", "{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"status\":\"arrived\"}",
        400, "Duplicate");
    encounter(cases, "unknown site", changed(CONTAINED, e -> ((ObjectNode) e.get("contained").get(1).get("identifier")
        .get(0)).put("value", "ZZZ99")), 422, "not a known site");
    encounter(cases, "other trust's site", text(FhirExamples.DECISION_TO_ADMIT), 403, "RXL");
    encounter(cases, "arrival in the future", changed(CONTAINED, e -> {
      e.remove("statusHistory");
      e.put("status", "arrived");
      ((ObjectNode) e.get("period")).put("start", "2099-01-01T00:00:00Z");
    }), 422, "future");
    encounter(cases, "a date with no time", changed(FINISHED, e -> ((ObjectNode) e.get("period"))
        .put("start", "2025-01-20")), 422, "Encounter.period.start");
    encounter(cases, "a time with no offset", changed(FINISHED, e -> ((ObjectNode) e.get("period"))
        .put("start", "2025-01-20T08:15:00")), 400, "Encounter.period.start");
    encounter(cases, "status planned", changed(CONTAINED, e -> e.put("status", "planned")), 422, "Encounter.status");
    encounter(cases, "attendance reference not a plain code", changed(FINISHED, e -> ((ObjectNode) e.get("identifier")
        .get(0)).put("value", "AE 123/4")), 400, "Encounter.identifier[0].value");
    encounter(cases, "acuity out of range", changed(CONTAINED, e -> ((ObjectNode) e.get("extension").get(1))
        .put("valuePositiveInt", 9)), 400, "Encounter.extension[1].value");
    encounter(cases, "no attendance reference", changed(FINISHED, e -> {
      e.remove("identifier");
      e.remove("id");
    }), 422, "Encounter.identifier");
    encounter(cases, "extension with value and extensions", changed(CONTAINED, e -> ((ObjectNode) e.get("extension")
        .get(0)).putArray("extension").addObject().put("url", "x").put("valueString", "y")), 400,
        "Encounter.extension[0]");
    encounter(cases, "contained resource of no type", changed(CONTAINED, e -> ((ObjectNode) e.get("contained").get(0))
        .put("resourceType", "Nobody")), 400, "Encounter.contained[0].resourceType");
    cases.add(new Case("update with another id", "PUT", "/Encounter/other-id", JSON, bytes(text(FINISHED)), 400,
        "Encounter.id", false));

    bundle(cases, "Bundle of type document", changed(FhirExamples.TRANSACTION, b -> b.put("type", "document")), 400,
        "Bundle.type");
    bundle(cases, "Bundle of type collection", changed(FhirExamples.TRANSACTION, b -> b.put("type", "collection")), 400,
        "Bundle.type");
    bundle(cases, "Bundle with no type", changed(FhirExamples.TRANSACTION, b -> b.remove("type")), 400, "Bundle.type");
    bundle(cases, "entry without resource", changed(FhirExamples.TRANSACTION, b -> entry(b, 0).remove("resource")), 400,
        "Bundle.entry[0].resource");
    bundle(cases, "entry without request", changed(FhirExamples.TRANSACTION, b -> entry(b, 1).remove("request")), 400,
        "Bundle.entry[1].request");
    bundle(cases, "entry DELETE", changed(FhirExamples.TRANSACTION, b -> ((ObjectNode) entry(b, 0).get("request"))
        .put("method", "DELETE")), 400, "Bundle.entry[0].request.method");
    bundle(cases, "entry URL for another type", changed(FhirExamples.TRANSACTION, b -> ((ObjectNode) entry(b, 0)
        .get("request")).put("url", "Patient")), 400, "Bundle.entry[0].request.url");
    bundle(cases, "Patient entry in a transaction", changed(FhirExamples.TRANSACTION, b -> entry(b, 1)
        .set("resource", FhirExamples.parse("{\"resourceType\":\"Patient\",\"id\":\"ae-2025-000202\"}"))), 400,
        "Bundle.entry[1].resource");
    bundle(cases, "an Encounter posted to the base", text(FINISHED), 400, "expected a Bundle");
    bundle(cases, "transaction with one ambulatory Encounter", changed(FhirExamples.TRANSACTION, b -> entry(b, 2)
        .set("resource", tree(FhirExamples.AMBULATORY))), 422, "Bundle.entry[2].resource.class");
    bundle(cases, "Bundle with no entries", "{\"resourceType\":\"Bundle\",\"type\":\"batch\"}", 400, "Bundle.entry");
    bundle(cases, "entry that is a string", "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[\"x\"]}", 400,
        "Bundle.entry[0]");
    bundle(cases, "batch in which every entry is bad", FhirExamples.bundle("batch", List.of(
        tree(FhirExamples.AMBULATORY), changed(FINISHED, e -> e.remove("class")).transform(FhirExamples::parse))),
        400, "Bundle.entry[1].resource.class");
    bundle(cases, "unknown element on the Bundle", changed(FhirExamples.TRANSACTION, b -> b.put("total", "three")), 400,
        "Bundle.total");
    bundle(cases, "too many entries", tooMany(), 413, "at most " + FhirSubmission.MAX_ENTRIES);

    http(cases, "text/plain", "text/plain", bytes(text(FINISHED)), 415, "application/fhir+json");
    http(cases, "FHIR XML", "application/fhir+xml", bytes("<Encounter xmlns=\"http://hl7.org/fhir\"/>"), 415, "XML");
    http(cases, "no Content-Type", null, bytes(text(FINISHED)), 415, "Content-Type");
    http(cases, "FHIR STU3", "application/fhir+json; fhirVersion=3.0", bytes(text(FINISHED)), 415, "R4");
    http(cases, "oversized body", JSON, bytes(changed(FINISHED, e -> e.put("language", "x".repeat(bodyLimit)))), 413,
        "larger");
    return cases;
  }

  private static void encounter(List<Case> cases, String name, String body, int status, String mentions) {
    cases.add(new Case(name, "POST", "/Encounter", JSON, bytes(body), status, mentions, false));
  }

  private static void bundle(List<Case> cases, String name, String body, int status, String mentions) {
    cases.add(new Case(name, "POST", "/", JSON, bytes(body), status, mentions, false));
  }

  private static void http(List<Case> cases, String name, String contentType, byte[] body, int status, String mentions) {
    cases.add(new Case(name, "POST", "/Encounter", contentType, body, status, mentions, true));
  }

  private static ObjectNode entry(ObjectNode bundle, int i) {
    return (ObjectNode) bundle.get("entry").get(i);
  }

  private static String tooMany() {
    ObjectNode bundle = FhirExamples.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "batch");
    ArrayNode entries = bundle.putArray("entry");
    for (int i = 0; i <= FhirSubmission.MAX_ENTRIES; i++) {
      entries.addObject().putObject("request").put("method", "POST").put("url", "Encounter");
    }
    return bundle.toString();
  }

  private static String text(String example) {
    return FhirExamples.text(example);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
