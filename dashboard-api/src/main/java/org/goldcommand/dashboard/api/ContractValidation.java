package org.goldcommand.dashboard.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.platform.ErrorResponses;

/**
 * Checks every {@code /api/v1} request against the published OpenAPI contract before any
 * sub-router sees it, so the document clients read and the checks the server makes can never
 * drift apart: a request the contract does not describe is {@code 404} (or {@code 405} for a known
 * path), and a parameter, a body field or a query parameter the operation does not list is
 * {@code 400} naming it. The sub-routers then only check what a schema cannot say (for example
 * that {@code from} is before {@code to}). Bodies must already be read (a body handler in front).
 */
public final class ContractValidation implements Handler<RoutingContext> {

  /** Where the contract is, on the class path; also served at {@code /openapi.yaml}. */
  public static final String CONTRACT = "openapi/dashboard.yaml";

  private final OpenAPIContract contract;
  private final RequestValidator validator;

  private ContractValidation(OpenAPIContract contract, RequestValidator validator) {
    this.contract = contract;
    this.validator = validator;
  }

  /** Reads and checks the contract (asynchronously); fails when the document is not valid OpenAPI. */
  public static Future<ContractValidation> load(Vertx vertx, String path) {
    return OpenAPIContract.from(vertx, path)
        .map(contract -> new ContractValidation(contract, RequestValidator.create(vertx, contract)));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
    if (operation == null) {
      ctx.fail(contract.findPath(ctx.request().path()) == null ? 404 : 405);
      return;
    }
    List<Violation> unknown = unknownQueryParameters(ctx, operation);
    if (!unknown.isEmpty()) {
      ErrorResponses.send(ctx, 400, "Unknown query parameter", unknown);
      return;
    }
    RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(ctx.body().buffer()))
        .compose(request -> validator.validate(request, operation.getOperationId()))
        .onSuccess(validated -> ctx.next())
        .onFailure(e -> ErrorResponses.send(ctx, 400, "The request does not match the API contract (/openapi.yaml)",
            violations(e, operation)));
  }

  private static List<Violation> unknownQueryParameters(RoutingContext ctx, Operation operation) {
    Set<String> allowed = operation.getParameters().stream().filter(p -> p.getIn() == Location.QUERY)
        .map(Parameter::getName).collect(Collectors.toCollection(TreeSet::new));
    String hint = allowed.isEmpty() ? "this operation takes no query parameters"
        : "use " + String.join(", ", allowed);
    return ctx.queryParams().names().stream().filter(name -> !allowed.contains(name)).sorted()
        .map(name -> new Violation(name, "unknown query parameter; " + hint)).toList();
  }

  /** What was wrong, naming the parameter, or the body fields, at fault. */
  private static List<Violation> violations(Throwable e, Operation operation) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    for (Parameter parameter : operation.getParameters()) {
      if (names(message, parameter)) {
        String reason = e instanceof SchemaValidationException invalid && invalid.getOutputUnit() != null
            ? deepestErrors(invalid.getOutputUnit()).values().stream().map(ContractValidation::reason)
                .collect(Collectors.joining("; "))
            : message;
        return List.of(new Violation(parameter.getName(), reason + example(parameter)));
      }
    }
    if (e instanceof SchemaValidationException invalid && invalid.getOutputUnit() != null) {
      return bodyViolations(invalid.getOutputUnit());
    }
    return List.of(new Violation("", message));
  }

  /** Whether a validator message is about this parameter ("... query parameter bucket is invalid ..."). */
  private static boolean names(String message, Parameter parameter) {
    String named = parameter.getIn().name().toLowerCase(Locale.ROOT) + " parameter " + parameter.getName();
    int at = message.indexOf(named);
    int end = at + named.length();
    return at >= 0 && (end == message.length() || message.charAt(end) == ' ' || message.charAt(end) == '.');
  }

  private static String example(Parameter parameter) {
    Object examples = parameter.getSchema() == null ? null : parameter.getSchema().get("examples");
    return examples instanceof JsonArray list && !list.isEmpty()
        ? " (for example " + list.getValue(0) + ")" : "";
  }

  /**
   * The most specific error at each location of the value: the schema validator also reports
   * every enclosing keyword that failed because of it ("property note does not match schema").
   */
  private static Map<String, OutputUnit> deepestErrors(OutputUnit unit) {
    List<OutputUnit> errors = unit.getErrors() == null || unit.getErrors().isEmpty() ? List.of(unit) : unit.getErrors();
    Map<String, OutputUnit> deepest = new LinkedHashMap<>();
    for (OutputUnit error : errors) {
      String location = error.getInstanceLocation() == null ? "#" : error.getInstanceLocation();
      deepest.merge(location, error, (kept, next) -> keyword(next).length() > keyword(kept).length() ? next : kept);
    }
    return deepest;
  }

  private static String reason(OutputUnit error) {
    return keyword(error).endsWith("/additionalProperties") ? "unknown field" : error.getError();
  }

  /** One violation per body location. */
  private static List<Violation> bodyViolations(OutputUnit unit) {
    List<Violation> violations = new ArrayList<>();
    deepestErrors(unit).forEach((location, error) -> violations.add(new Violation(path(location), reason(error))));
    return violations;
  }

  private static String keyword(OutputUnit error) {
    return error.getKeywordLocation() == null ? "" : error.getKeywordLocation();
  }

  /** A JSON pointer ({@code #/lines/0/batch}) as the dotted path errors use ({@code lines[0].batch}). */
  static String path(String pointer) {
    String trimmed = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    StringBuilder path = new StringBuilder();
    for (String segment : trimmed.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        path.append('[').append(name).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(name);
      }
    }
    return path.toString();
  }
}
