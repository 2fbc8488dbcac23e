package org.goldcommand.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Reads FHIR R4 JSON with HAPI FHIR, turning everything wrong with it into {@link FhirIssue}s that
 * name the element: bytes that are not UTF-8, broken JSON (with line and column), the wrong
 * resource type, elements R4 does not define, values of the wrong JSON type, and values HAPI
 * refuses (an unknown status code, a malformed date). Holds the one {@link FhirContext} ingest
 * needs: it takes a second or so to build and is thread-safe; parsers are cheap and are made per
 * read.
 */
public final class FhirReader {

  private static final FhirContext R4 = FhirContext.forR4();

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final FhirJsonShape shape = new FhirJsonShape(R4);

  /** The shared R4 context, for encoding answers. */
  public static FhirContext context() {
    return R4;
  }

  /** A JSON document, or why the body is not one. */
  record Document(JsonNode tree, List<FhirIssue> issues) {}

  /** A parsed resource, or everything wrong with it. */
  record Read<T>(T resource, List<FhirIssue> issues) {}

  /** Reads the body as one JSON object. */
  Document json(byte[] body) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return refused(new FhirIssue(400, IssueType.STRUCTURE, null,
          "The body is not UTF-8 text; FHIR JSON is always UTF-8"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String start = text.stripLeading();
    if (start.isEmpty()) {
      return refused(structure("The body is empty; send one FHIR resource as JSON"));
    }
    if (start.charAt(0) == '<') {
      return refused(structure("The body looks like XML; send FHIR JSON (application/fhir+json)"));
    }
    try {
      JsonNode tree = JSON.readTree(text);
      if (tree == null || !tree.isObject()) {
        return refused(structure("The body must be one JSON object holding a FHIR resource"));
      }
      return new Document(tree, List.of());
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      return refused(structure("The body is not valid JSON" + at + ": " + e.getOriginalMessage()));
    }
  }

  /**
   * Reads one resource of the given type; {@code path} is its FHIRPath root ({@code Encounter}, or
   * {@code Bundle.entry[3].resource}). The type is checked first: a Patient sent where an Encounter
   * belongs is refused before anything of it is read.
   */
  <T extends IBaseResource> Read<T> read(JsonNode resource, String path, Class<T> type) {
    String expected = R4.getResourceDefinition(type).getName();
    String actual = resourceType(resource);
    if (actual == null) {
      return new Read<>(null, List.of(FhirIssue.required(path + ".resourceType",
          "is required: expected " + expected)));
    }
    if (!actual.equals(expected)) {
      return new Read<>(null, List.of(FhirIssue.invalid(path,
          "has resourceType " + actual + "; expected " + expected)));
    }
    List<FhirIssue> problems = shape(resource, path);
    if (!problems.isEmpty()) {
      return new Read<>(null, problems);
    }
    Read<T> parsed = parse(resource, path, type);
    return parsed.issues().isEmpty() ? parsed : new Read<>(null, parsed.issues());
  }

  /** Every shape problem in a resource; {@code path} is its FHIRPath root. */
  List<FhirIssue> shape(JsonNode resource, String path) {
    return shape.check(resource, path);
  }

  /**
   * Parses a resource whose type and shape have been checked, collecting what HAPI objects to. The
   * resource comes back even when there are issues, unless HAPI could not read it at all.
   */
  <T extends IBaseResource> Read<T> parse(JsonNode resource, String path, Class<T> type) {
    List<FhirIssue> issues = new ArrayList<>();
    IParser parser = R4.newJsonParser();
    parser.setParserErrorHandler(new Collector(resource, path, issues));
    try {
      T parsed = parser.parseResource(type, resource.toString());
      return new Read<>(parsed, List.copyOf(issues));
    } catch (DataFormatException e) {
      issues.add(FhirIssue.invalid(path, clean(e.getMessage())));
      return new Read<>(null, issues);
    }
  }

  /** The resource type a JSON object claims, or null. */
  static String resourceType(JsonNode resource) {
    JsonNode type = resource == null ? null : resource.get("resourceType");
    return type != null && type.isTextual() ? type.asText() : null;
  }

  private static Document refused(FhirIssue issue) {
    return new Document(null, List.of(issue));
  }

  private static FhirIssue structure(String message) {
    return new FhirIssue(400, IssueType.STRUCTURE, null, message);
  }

  /** HAPI messages carry an internal code ({@code HAPI-1821: }) that means nothing to a sender. */
  static String clean(String message) {
    return message == null ? "cannot be read" : message.replaceAll("HAPI-\\d+: ", "");
  }

  /**
   * Records what HAPI's parser objects to, placed by searching the JSON for the offending value.
   * Unknown elements and shapes are left to {@link FhirJsonShape}, which knows their full path;
   * dangling references to contained resources are ignored, since Gold Command reads none.
   */
  private static final class Collector extends ErrorHandlerAdapter {

    private final JsonNode tree;
    private final String root;
    private final List<FhirIssue> issues;

    Collector(JsonNode tree, String root, List<FhirIssue> issues) {
      this.tree = tree;
      this.root = root;
      this.issues = issues;
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
      String name = location == null ? "" : location.getParentElementName();
      String at = value == null ? null : FhirJsonShape.locate(tree, root, name, value);
      issues.add(FhirIssue.invalid(at != null ? at : root,
          "has an invalid value" + (value == null ? "" : " '" + value + "'") + ": " + clean(error)));
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String element) {
      String parent = location == null ? null : location.getParentElementName();
      issues.add(FhirIssue.required(root, "is missing the required element '" + element + "'"
          + (parent == null ? "" : " in " + parent)));
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
        BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
        BaseJsonLikeValue.ScalarType foundScalar) {
      issues.add(FhirIssue.invalid(root, "element '" + element + "' has the wrong JSON type: expected "
          + expected + (expectedScalar == null ? "" : " " + expectedScalar) + ", found " + found));
    }
  }
}
