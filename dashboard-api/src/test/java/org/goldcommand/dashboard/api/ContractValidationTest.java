package org.goldcommand.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.goldcommand.dashboard.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@code /api/v1} request is checked against the OpenAPI contract before a route sees it,
 * and refused naming the parameter or body field at fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractValidationTest {

  static final String ACK = "/api/v1/alerts/trust-opel-4%2FRXN%401/acknowledge";

  final HttpClient http = HttpClient.newHttpClient();
  Vertx vertx;
  ApiRouter api;
  HttpServer server;
  String admin;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    api = new ApiRouter(vertx);
    server = vertx.createHttpServer().requestHandler(api.router()).listen(0, "127.0.0.1").await();
    admin = api.token(Role.ADMIN, "*");
  }

  @AfterAll
  void stop() {
    api.close();
    vertx.close().await();
  }

  HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, admin, null);
  }

  static JsonArray violations(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return new JsonObject(answer.body()).getJsonArray("violations");
  }

  static String path(HttpResponse<String> answer) {
    return violations(answer).getJsonObject(0).getString("path");
  }

  @Test
  void anUnknownQueryParameterIsRefusedNamingEachOne() throws Exception {
    JsonArray violations = violations(get("/api/v1/pressure/trusts?colour=red&ics=QE1&size=3"));

    assertThat(violations).hasSize(2);
    assertThat(violations.getJsonObject(0).getString("path")).isEqualTo("colour");
    assertThat(violations.getJsonObject(0).getString("message")).contains("ics, org");
    assertThat(violations.getJsonObject(1).getString("path")).isEqualTo("size");
    assertThat(violations(get("/api/v1/me?verbose=true")).getJsonObject(0).getString("message"))
        .contains("no query parameters");
  }

  @Test
  void aValueOutsideItsEnumOrPatternIsRefusedNamingTheParameter() throws Exception {
    HttpResponse<String> closed = get("/api/v1/alerts?state=closed");

    assertThat(path(closed)).isEqualTo("state");
    assertThat(violations(closed).getJsonObject(0).getString("message")).contains("open", "all");
    assertThat(path(get("/api/v1/pressure/trusts/R-X%20N"))).isEqualTo("orgCode");
    assertThat(path(get("/api/v1/feeds?org=%3Cscript%3E"))).isEqualTo("org");
  }

  @Test
  void aMalformedInstantOrDurationIsRefusedWithAnExample() throws Exception {
    HttpResponse<String> bucket = get("/api/v1/pressure/systems/QE1/history?bucket=soon");

    assertThat(path(bucket)).isEqualTo("bucket");
    assertThat(violations(bucket).getJsonObject(0).getString("message")).contains("duration", "PT15M");
    assertThat(path(get("/api/v1/audit?from=last%20week"))).isEqualTo("from");
    assertThat(path(get("/api/v1/audit?to=tomorrow"))).isEqualTo("to");
  }

  @Test
  void aBodyIsCheckedFieldByFieldAndAWellFormedOneReachesTheRoute() throws Exception {
    HttpResponse<String> by = send("POST", ACK, admin, "{\"by\":\"Sam\",\"note\":\"ok\"}");
    assertThat(path(by)).isEqualTo("by");
    assertThat(violations(by).getJsonObject(0).getString("message")).isEqualTo("unknown field");
    HttpResponse<String> number = send("POST", ACK, admin, "{\"note\":5}");
    assertThat(path(number)).isEqualTo("note");
    assertThat(violations(number).getJsonObject(0).getString("message")).contains("string");
    assertThat(path(send("POST", ACK, admin, "{\"note\":\"" + "x".repeat(2_001) + "\"}"))).isEqualTo("note");
    assertThat(path(send("POST", ACK, admin, "not json"))).isEmpty();
    assertThat(path(send("POST", ACK, admin, "[\"note\"]"))).isEmpty();

    HttpResponse<String> fine = send("POST", ACK, admin, "{\"note\":\"Gold call at 10:00\"}");
    assertThat(fine.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(fine.body()).getString("error")).contains("No alert trust-opel-4/RXN@1");
    assertThat(send("POST", ACK, admin, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aRequestTheContractDoesNotDescribeIsNotFoundOrNotAllowed() throws Exception {
    HttpResponse<String> nothing = get("/api/v1/nothing-here");
    assertThat(nothing.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(nothing.body()).getString("error")).contains("/api/v1/nothing-here");
    assertThat(send("DELETE", "/api/v1/alerts", admin, null).statusCode()).isEqualTo(405);
    assertThat(get("/api/v1/grafana-alerts").statusCode()).isEqualTo(405);
  }

  @Test
  void authenticationComesBeforeValidationAndPermissionsAfterIt() throws Exception {
    assertThat(send("GET", "/api/v1/alerts?state=closed", null, null).statusCode()).isEqualTo(401);
    String pharmacist = api.token(Role.PHARMACIST);
    assertThat(path(send("GET", "/api/v1/pressure/trusts?colour=red", pharmacist, null))).isEqualTo("colour");
    assertThat(send("GET", "/api/v1/pressure/trusts", pharmacist, null).statusCode()).isEqualTo(403);
  }

  @Test
  void historyWithoutADatabaseIsUnavailableSayingHowToConfigureIt() throws Exception {
    for (String path : new String[] {"/api/v1/pressure/trusts/RXN/history", "/api/v1/pressure/systems/QE1/history",
        "/api/v1/audit"}) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(503);
      assertThat(new JsonObject(answer.body()).getString("error")).as(path).contains("GC_DB_URL");
    }
    assertThat(path(get("/api/v1/pressure/trusts/RXN/history?bucket=PT10S"))).isEqualTo("bucket");
  }

  @Test
  void aJsonPointerBecomesTheDottedPathErrorsUse() {
    assertThat(ContractValidation.path("#/lines/0/batch")).isEqualTo("lines[0].batch");
    assertThat(ContractValidation.path("#/note")).isEqualTo("note");
    assertThat(ContractValidation.path("#")).isEmpty();
    assertThat(ContractValidation.path("#/a~1b")).isEqualTo("a/b");
  }
}
