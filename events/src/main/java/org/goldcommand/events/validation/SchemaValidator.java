package org.goldcommand.events.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a JSON document against one of the contracts in {@code schemas/} and reports every
 * violation at once, each with the dotted path of the offending field, so a submitter fixes a
 * return in one round trip rather than one error at a time.
 */
public final class SchemaValidator {

  private final JsonSchema schema;

  private SchemaValidator(JsonSchema schema) {
    this.schema = schema;
  }

  /** Loads a schema from the classpath, for example {@code schemas/sitrep.v1.json}. */
  public static SchemaValidator forResource(String resource) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No schema on the classpath at " + resource);
      }
      return new SchemaValidator(factory.getSchema(in, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every violation in the document, sorted by path; empty when it conforms. */
  public List<Violation> validate(JsonNode document) {
    Set<ValidationMessage> messages = schema.validate(document);
    if (messages.isEmpty()) {
      return List.of();
    }
    return messages.stream()
        .map(SchemaValidator::toViolation)
        .distinct()
        .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::message))
        .toList();
  }

  private static Violation toViolation(ValidationMessage message) {
    String at = dotted(message.getInstanceLocation().toString());
    String property = message.getProperty();
    String keyword = message.getType();
    if (property != null && ("required".equals(keyword) || "additionalProperties".equals(keyword))) {
      String path = at.isEmpty() ? property : at + "." + property;
      String text = "required".equals(keyword) ? "is required" : "is not a known field";
      return new Violation(path, text);
    }
    String text = message.getMessage();
    int colon = text.indexOf(": ");
    return new Violation(at, colon >= 0 && (text.startsWith("$") || text.startsWith("/")) ? text.substring(colon + 2) : text);
  }

  /** JSON Pointer ({@code /beds/gaOccupied}) or JSONPath ({@code $.beds.gaOccupied}) to dotted form. */
  private static String dotted(String location) {
    String path = location.startsWith("$") ? location.substring(1) : location;
    path = path.replace('/', '.').replaceAll("\\[(\\d+)]", ".$1");
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
