package org.goldcommand.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document and the routers agree: every operation a router serves under
 * {@code /api/v1} is documented, and every documented one is served, so a client written from
 * {@code /openapi.yaml} never meets a missing endpoint and no endpoint goes unchecked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutesMatchContractTest {

  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  Vertx vertx;
  ApiRouter api;
  JsonNode contract;

  @BeforeAll
  void load() throws Exception {
    vertx = Vertx.vertx();
    api = new ApiRouter(vertx);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ContractValidation.CONTRACT)) {
      contract = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @AfterAll
  void stop() {
    api.close();
    vertx.close().await();
  }

  /** Every documented operation as {@code METHOD /path/{param}}. */
  Set<String> documented(String prefix) {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey()) && path.getKey().startsWith(prefix)) {
          operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  /** Every endpoint (a route with a method and an exact path) of the router, sub-routers included. */
  static void served(Router router, String mountedAt, Set<String> endpoints) {
    for (Route route : router.getRoutes()) {
      String path = route.getPath() == null ? null : mountedAt + route.getPath();
      if (route.getSubRouter() != null) {
        served(route.getSubRouter(), path, endpoints);
      } else if (path != null && route.isExactPath() && route.methods() != null) {
        String openApiPath = path.replaceAll(":(\\w+)", "{$1}").replaceAll("(.)/$", "$1");
        for (HttpMethod method : route.methods()) {
          endpoints.add(method.name() + " " + openApiPath);
        }
      }
    }
  }

  @Test
  void everyRouteUnderApiV1IsDocumentedAndEveryDocumentedOperationIsRouted() {
    Set<String> endpoints = new TreeSet<>();
    served(api.router(), "", endpoints);
    endpoints.removeIf(e -> !e.contains(" /api/v1/"));

    assertThat(endpoints).hasSizeGreaterThan(10).isEqualTo(documented("/api/v1/"));
  }

  @Test
  void itIsOpenApi31AndEveryOperationIsNamedAndDocumentsItsErrors() {
    assertThat(contract.get("openapi").asText()).isEqualTo("3.1.0");
    List<String> problems = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String name = operation.getKey() + " " + path.getKey();
        JsonNode id = operation.getValue().get("operationId");
        if (id == null || !ids.add(id.asText())) {
          problems.add(name + ": missing or repeated operationId");
        }
        JsonNode responses = operation.getValue().get("responses");
        boolean person = path.getKey().startsWith("/api/v1/") && !operation.getValue().has("security");
        for (String status : person ? List.of("400", "401") : List.<String>of()) {
          if (!responses.has(status)) {
            problems.add(name + ": no " + status + " response");
          }
        }
        if (person && !path.getKey().equals("/api/v1/me") && !responses.has("403")) {
          problems.add(name + ": no 403 response although it needs a permission");
        }
        if (person && !operation.getValue().path("description").asText().contains("Needs")
            && !path.getKey().equals("/api/v1/me")) {
          problems.add(name + ": its description does not say which permission (and roles) it needs");
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
