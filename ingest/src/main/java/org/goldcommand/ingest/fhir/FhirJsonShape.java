package org.goldcommand.ingest.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeElementDirectResource;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks FHIR JSON against the R4 element definitions HAPI holds, before HAPI reads it. HAPI's own
 * parser is lenient about shape (an object where an array belongs, a number for a code) and, when
 * strict, names only the parent element of a problem; this walk knows the whole path, so every
 * unknown element or mis-shaped value is reported as a FHIRPath such as
 * {@code Bundle.entry[2].resource.period.foo}, all in one answer.
 */
final class FhirJsonShape {

  /** Deeper than this is not an Encounter anyone meant to send. */
  static final int MAX_DEPTH = 48;

  private static final Set<String> NUMBERS = Set.of("integer", "positiveInt", "unsignedInt", "decimal", "integer64");

  private final FhirContext context;
  private final BaseRuntimeElementCompositeDefinition<?> extension;

  FhirJsonShape(FhirContext context) {
    this.context = context;
    this.extension = (BaseRuntimeElementCompositeDefinition<?>) context.getElementDefinition("Extension");
  }

  /** Every shape problem in a resource, with {@code path} as its FHIRPath (its resource type, at the top). */
  List<FhirIssue> check(JsonNode resource, String path) {
    List<FhirIssue> issues = new ArrayList<>();
    resource(resource, path, issues, 0);
    return issues;
  }

  private void resource(JsonNode node, String path, List<FhirIssue> issues, int depth) {
    if (!node.isObject()) {
      issues.add(FhirIssue.invalid(path, "must be a JSON object holding a FHIR resource"));
      return;
    }
    JsonNode type = node.get("resourceType");
    if (type == null || !type.isTextual()) {
      issues.add(FhirIssue.required(path + ".resourceType", "is required: the resource's type, such as Encounter"));
      return;
    }
    BaseRuntimeElementCompositeDefinition<?> definition;
    try {
      definition = context.getResourceDefinition(type.asText());
    } catch (DataFormatException | IllegalArgumentException e) {
      issues.add(FhirIssue.invalid(path + ".resourceType", "is not an R4 resource type: '" + type.asText() + "'"));
      return;
    }
    composite(definition, node, path, issues, depth, true);
  }

  private void composite(BaseRuntimeElementCompositeDefinition<?> definition, JsonNode node, String path,
      List<FhirIssue> issues, int depth, boolean isResource) {
    if (depth > MAX_DEPTH) {
      issues.add(FhirIssue.invalid(path, "is nested more than " + MAX_DEPTH + " levels deep"));
      return;
    }
    if (definition == extension && node.has("extension") && hasValue(node)) {
      issues.add(FhirIssue.invalid(path, "must not have both a value and nested extensions"));
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (isResource && name.equals("resourceType")) {
        continue;
      }
      String at = path + "." + name;
      if (name.startsWith("_")) {
        primitiveExtension(definition, name.substring(1), field.getValue(), at, issues, depth);
        continue;
      }
      BaseRuntimeChildDefinition child = definition.getChildByName(name);
      if (child == null) {
        issues.add(FhirIssue.invalid(at, "is not an element of " + definition.getName()));
        continue;
      }
      BaseRuntimeElementDefinition<?> type = child.getChildByName(name);
      each(field.getValue(), child.getMax() != 1, at, issues, item -> value(type, item.node, item.path, issues, depth));
    }
  }

  private void primitiveExtension(BaseRuntimeElementCompositeDefinition<?> definition, String base, JsonNode value,
      String at, List<FhirIssue> issues, int depth) {
    BaseRuntimeChildDefinition child = definition.getChildByName(base);
    BaseRuntimeElementDefinition<?> type = child == null ? null : child.getChildByName(base);
    if (type == null || !isPrimitive(type)) {
      issues.add(FhirIssue.invalid(at, "is not the extension of a primitive element of " + definition.getName()));
      return;
    }
    each(value, child.getMax() != 1, at, issues, item -> {
      if (item.node.isNull()) {
        return;
      }
      if (!item.node.isObject()) {
        issues.add(FhirIssue.invalid(item.path, "must be a JSON object with id and extension"));
        return;
      }
      for (Iterator<String> names = item.node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("id") && !name.equals("extension")) {
          issues.add(FhirIssue.invalid(item.path + "." + name, "is not allowed beside a primitive value"));
        }
      }
      JsonNode extensions = item.node.get("extension");
      if (extensions != null) {
        each(extensions, true, item.path + ".extension", issues,
            ext -> value(extension, ext.node, ext.path, issues, depth + 1));
      }
    });
  }

  private void value(BaseRuntimeElementDefinition<?> type, JsonNode node, String path, List<FhirIssue> issues,
      int depth) {
    if (type instanceof RuntimeElementDirectResource) {
      resource(node, path, issues, depth + 1);
      return;
    }
    switch (type.getChildType()) {
      case PRIMITIVE_DATATYPE, ID_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG ->
          primitive(type, node, path, issues);
      case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
        if (node.isObject()) {
          composite((BaseRuntimeElementCompositeDefinition<?>) type, node, path, issues, depth + 1, false);
        } else {
          issues.add(FhirIssue.invalid(path, "must be a JSON object (" + type.getName() + ")"));
        }
      }
      case RESOURCE, CONTAINED_RESOURCES, CONTAINED_RESOURCE_LIST -> resource(node, path, issues, depth + 1);
      default -> { }
    }
  }

  private static void primitive(BaseRuntimeElementDefinition<?> type, JsonNode node, String path,
      List<FhirIssue> issues) {
    String name = type.getName();
    if (name.equals("boolean")) {
      if (!node.isBoolean()) {
        issues.add(FhirIssue.invalid(path, "must be a JSON boolean (true or false)"));
      }
    } else if (NUMBERS.contains(name)) {
      if (!node.isNumber() || (!name.equals("decimal") && !node.isIntegralNumber())) {
        issues.add(FhirIssue.invalid(path, "must be a JSON number (" + name + ")"));
      }
    } else if (!node.isTextual()) {
      issues.add(FhirIssue.invalid(path, "must be a JSON string (" + name + ")"));
    } else if (node.asText().isBlank()) {
      issues.add(FhirIssue.invalid(path, "must not be empty or blank"));
    }
  }

  private static boolean isPrimitive(BaseRuntimeElementDefinition<?> type) {
    return switch (type.getChildType()) {
      case PRIMITIVE_DATATYPE, ID_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG -> true;
      default -> false;
    };
  }

  private static boolean hasValue(JsonNode node) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (names.next().startsWith("value")) {
        return true;
      }
    }
    return false;
  }

  /** A JSON value and where it is. */
  private record Item(JsonNode node, String path) {}

  /** Applies {@code check} to the value, or to each element of it when the element repeats. */
  private static void each(JsonNode value, boolean repeats, String path, List<FhirIssue> issues,
      java.util.function.Consumer<Item> check) {
    if (repeats) {
      if (!value.isArray()) {
        issues.add(FhirIssue.invalid(path, "repeats, so it must be a JSON array"));
      } else if (value.isEmpty()) {
        issues.add(FhirIssue.invalid(path, "must not be an empty array; leave it out instead"));
      } else {
        for (int i = 0; i < value.size(); i++) {
          check.accept(new Item(value.get(i), path + "[" + i + "]"));
        }
      }
    } else if (value.isArray()) {
      issues.add(FhirIssue.invalid(path, "does not repeat, so it must not be a JSON array"));
    } else if (value.isNull()) {
      issues.add(FhirIssue.invalid(path, "must not be null; leave it out instead"));
    } else {
      check.accept(new Item(value, path));
    }
  }

  /**
   * Where a value HAPI complained about sits: the first string or number equal to {@code value},
   * preferring one held by a field called {@code name}; null when it cannot be found.
   */
  static String locate(JsonNode node, String path, String name, String value) {
    String named = find(node, path, "", name, value, true);
    return named != null ? named : find(node, path, "", name, value, false);
  }

  private static String find(JsonNode node, String path, String field, String name, String value, boolean byName) {
    if (node.isValueNode()) {
      return node.asText().equals(value) && (!byName || field.equals(name)) ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = find(node.get(i), path + "[" + i + "]", field, name, value, byName);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    for (Map.Entry<String, JsonNode> child : node.properties()) {
      String found = find(child.getValue(), path + "." + child.getKey(), child.getKey(), name, value, byName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
