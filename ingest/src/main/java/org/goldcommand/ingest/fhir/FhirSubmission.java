package org.goldcommand.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.ingest.auth.ApiClient;
import org.goldcommand.ingest.feed.FeedIntake;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Decides what one FHIR request stores, without touching HTTP or Kafka. A lone Encounter is all or
 * nothing. A {@code transaction} Bundle is all or nothing, as FHIR requires. A {@code batch}
 * Bundle's entries stand alone, as FHIR batch semantics say: good entries are stored and bad ones
 * answered each with its own outcome; but a batch in which no entry can be stored is refused as a
 * whole, so a sender whose every entry is wrong gets a 4xx, not a 200. Anything wrong with the
 * Bundle itself (its type, its size, its shape outside the entries) refuses the whole request.
 */
public final class FhirSubmission {

  /** More entries than this in one Bundle is refused with 413: split it. */
  public static final int MAX_ENTRIES = 1_000;

  private static final Pattern ENTRY_URL = Pattern.compile("(?:^|.*/)Encounter(?:/([A-Za-z0-9\\-.]{1,64}))?(?:\\?.*)?");

  private final FhirReader reader = new FhirReader();
  private final EncounterIntake intake;

  public FhirSubmission(ReferenceData reference) {
    this.intake = new EncounterIntake(reference);
  }

  /** What became of one Encounter (one entry of a Bundle): its events, or its issues. */
  public record Entry(List<FeedIntake.Accepted<AttendanceEvent>> accepted, List<FhirIssue> issues) {

    public boolean refused() {
      return !issues.isEmpty();
    }
  }

  /**
   * What to do with a request.
   *
   * @param bundleType the Bundle's type, or null for a lone Encounter
   * @param entries one per Encounter sent, in order (empty when the request is refused)
   * @param issues why the whole request is refused; empty when something is to be stored
   * @param orgCode the organisation the request is about, when known (for feed status)
   */
  public record Plan(BundleType bundleType, List<Entry> entries, List<FhirIssue> issues, String orgCode) {

    public boolean refused() {
      return !issues.isEmpty();
    }

    /** Every event to store, entry by entry. */
    public List<FeedIntake.Accepted<AttendanceEvent>> accepted() {
      return entries.stream().flatMap(e -> e.accepted().stream()).toList();
    }

    /** Entries refused within an otherwise stored batch. */
    public long refusedEntries() {
      return entries.stream().filter(Entry::refused).count();
    }
  }

  /** Reads a small Encounter and Bundle once, so HAPI has learnt their definitions before a sender waits. */
  public int warmUp() {
    String encounter = "{\"resourceType\":\"Encounter\",\"id\":\"warm-up\",\"status\":\"arrived\","
        + "\"class\":{\"code\":\"EMER\"},\"period\":{\"start\":\"2025-01-01T00:00:00Z\"}}";
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":" + encounter
        + ",\"request\":{\"method\":\"POST\",\"url\":\"Encounter\"}}]}";
    ApiClient nobody = new ApiClient("warm-up", Set.of());
    Plan plan = bundle(bundle.getBytes(StandardCharsets.UTF_8), nobody, Instant.EPOCH);
    FhirResponses.encode(FhirResponses.errors(plan.issues()));
    return plan.issues().size();
  }

  /** A lone Encounter ({@code POST /Encounter}, or {@code PUT /Encounter/{id}} when {@code urlId} is given). */
  public Plan encounter(byte[] body, String urlId, ApiClient client, Instant now) {
    FhirReader.Document document = reader.json(body);
    if (document.tree() == null) {
      return refuse(document.issues(), null);
    }
    FhirReader.Read<Encounter> read = reader.read(document.tree(), "Encounter", Encounter.class);
    if (read.resource() == null) {
      return refuse(read.issues(), null);
    }
    FhirIssue mismatch = idMismatch(read.resource(), urlId, "Encounter");
    if (mismatch != null) {
      return refuse(List.of(mismatch), null);
    }
    EncounterIntake.Result result = intake.check(read.resource(), client, now, "Encounter");
    return result.refused() ? refuse(result.issues(), result.orgCode())
        : new Plan(null, List.of(new Entry(result.accepted(), List.of())), List.of(), result.orgCode());
  }

  /** A {@code batch} or {@code transaction} Bundle of Encounters ({@code POST /}). */
  public Plan bundle(byte[] body, ApiClient client, Instant now) {
    FhirReader.Document document = reader.json(body);
    if (document.tree() == null) {
      return refuse(document.issues(), null);
    }
    JsonNode tree = document.tree();
    String type = FhirReader.resourceType(tree);
    if (!"Bundle".equals(type)) {
      return refuse(List.of(FhirIssue.invalid(type == null ? "Bundle.resourceType" : type, (type == null
          ? "is required" : "has resourceType " + type) + "; expected a Bundle of type batch or transaction "
          + "here. POST a single Encounter to the Encounter endpoint")), null);
    }
    JsonNode entries = tree.path("entry");
    if (entries.isArray() && entries.size() > MAX_ENTRIES) {
      return refuse(List.of(new FhirIssue(413, IssueType.TOOCOSTLY, "Bundle.entry", "has " + entries.size()
          + " entries; at most " + MAX_ENTRIES + " per Bundle. Split it")), null);
    }
    // The Bundle without its resources is checked first; each resource is then read on its own, so
    // one bad entry of a batch spoils only itself. HAPI reads the Bundle's own elements (its type).
    ObjectNode shell = tree.deepCopy();
    List<JsonNode> resources = new ArrayList<>();
    if (entries.isArray()) {
      shell.withArray("entry").forEach(e -> resources.add(e.isObject() ? ((ObjectNode) e).remove("resource") : null));
    }
    List<FhirIssue> shape = reader.shape(shell, "Bundle");
    List<FhirIssue> whole = shape.stream().filter(i -> entryOf(i) < 0).toList();
    if (!whole.isEmpty()) {
      return refuse(whole, null);
    }
    ObjectNode top = shell.deepCopy();
    top.remove("entry");
    FhirReader.Read<Bundle> read = reader.parse(top, "Bundle", Bundle.class);
    if (read.resource() == null || !read.issues().isEmpty()) {
      return refuse(read.issues(), null);
    }
    return entries(shell, read.resource().getType(), resources, shape, client, now);
  }

  private Plan entries(ObjectNode shell, BundleType bundleType, List<JsonNode> resources, List<FhirIssue> issues,
      ApiClient client, Instant now) {
    if (bundleType != BundleType.BATCH && bundleType != BundleType.TRANSACTION) {
      return refuse(List.of(bundleType == null ? FhirIssue.required("Bundle.type", "is required: batch or transaction")
          : FhirIssue.invalid("Bundle.type", "is " + bundleType.toCode() + ": send a batch or transaction Bundle")),
          null);
    }
    if (resources.isEmpty()) {
      return refuse(List.of(FhirIssue.required("Bundle.entry", "is required: at least one Encounter")), null);
    }
    List<Entry> results = new ArrayList<>();
    String orgCode = null;
    for (int i = 0; i < resources.size(); i++) {
      int index = i;
      List<FhirIssue> found = new ArrayList<>(issues.stream().filter(x -> entryOf(x) == index).toList());
      EncounterIntake.Result result = found.isEmpty()
          ? entry(shell.withArray("entry").get(i), resources.get(i), "Bundle.entry[" + i + "]", client, now, found)
          : null;
      if (result != null) {
        orgCode = orgCode != null ? orgCode : result.orgCode();
        found.addAll(result.issues());
      }
      results.add(new Entry(result == null ? List.of() : result.accepted(), List.copyOf(found)));
    }
    List<FhirIssue> all = results.stream().flatMap(e -> e.issues().stream()).toList();
    boolean anyStored = results.stream().anyMatch(e -> !e.refused());
    if (bundleType == BundleType.TRANSACTION ? !all.isEmpty() : !anyStored) {
      return refuse(all, orgCode);
    }
    return new Plan(bundleType, List.copyOf(results), List.of(), orgCode);
  }

  /** Checks one entry; null (with {@code issues} filled) when it cannot even be read. */
  private EncounterIntake.Result entry(JsonNode entry, JsonNode resource, String at, ApiClient client, Instant now,
      List<FhirIssue> issues) {
    String urlId = null;
    JsonNode request = entry.path("request");
    if (request.isMissingNode()) {
      issues.add(FhirIssue.required(at + ".request", "is required in a batch or transaction: POST or PUT Encounter"));
    } else {
      String method = request.path("method").asText("");
      if (!method.equals("POST") && !method.equals("PUT")) {
        issues.add(FhirIssue.invalid(at + ".request.method", "is " + (method.isEmpty() ? "missing" : method)
            + ": only POST or PUT of an Encounter is accepted"));
      }
      String target = request.path("url").asText("");
      Matcher url = ENTRY_URL.matcher(target);
      if (!url.matches()) {
        issues.add(FhirIssue.invalid(at + ".request.url", "is '" + target
            + "': only Encounter (POST) or Encounter/[id] (PUT) is accepted"));
      } else if (method.equals("PUT")) {
        urlId = url.group(1);
      }
    }
    if (resource == null) {
      issues.add(FhirIssue.required(at + ".resource", "is required: the Encounter"));
    }
    if (!issues.isEmpty()) {
      return null;
    }
    FhirReader.Read<Encounter> read = reader.read(resource, at + ".resource", Encounter.class);
    if (read.resource() == null) {
      issues.addAll(read.issues());
      return null;
    }
    FhirIssue mismatch = idMismatch(read.resource(), urlId, at + ".resource");
    if (mismatch != null) {
      issues.add(mismatch);
      return null;
    }
    return intake.check(read.resource(), client, now, at + ".resource");
  }

  /** An update names its resource in the URL; the resource must carry the same id. */
  private static FhirIssue idMismatch(Encounter encounter, String urlId, String root) {
    if (urlId == null) {
      return null;
    }
    String id = encounter.getIdElement().getIdPart();
    return urlId.equals(id) ? null : FhirIssue.invalid(root + ".id", (id == null ? "is missing" : "is " + id)
        + ": an update of Encounter/" + urlId + " must carry that id");
  }

  /** The entry an issue is about, or -1 for the Bundle itself. */
  private static int entryOf(FhirIssue issue) {
    String expression = issue.expression();
    if (expression == null || !expression.startsWith("Bundle.entry[")) {
      return -1;
    }
    int close = expression.indexOf(']');
    return Integer.parseInt(expression.substring("Bundle.entry[".length(), close));
  }

  private static Plan refuse(List<FhirIssue> issues, String orgCode) {
    return new Plan(null, List.of(), List.copyOf(issues), orgCode);
  }
}
