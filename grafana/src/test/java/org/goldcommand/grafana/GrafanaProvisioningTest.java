package org.goldcommand.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What Grafana checks only at start-up, in production, checked here on every build: the files
 * parse, the references between them hold, and no credential is written into them.
 */
class GrafanaProvisioningTest {

  static final Set<String> EXPRESSION_UIDS = Set.of("__expr__");
  static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$__env\\{[A-Z][A-Z0-9_]*}");

  @Test
  void everyProvisioningFileIsApiVersion1() {
    for (String kind : List.of("datasources", "dashboards", "alerting")) {
      Map<Path, JsonNode> files = GrafanaFiles.provisioning(kind);
      assertThat(files).as(kind).isNotEmpty();
      files.forEach((path, file) -> assertThat(file.path("apiVersion").asInt()).as(path.toString()).isEqualTo(1));
    }
  }

  @Test
  void theDataSourcesHaveTheUidsDashboardsUseAndTakeCredentialsFromTheEnvironment() {
    Map<String, JsonNode> byUid = datasources();
    assertThat(byUid).containsOnlyKeys("timescaledb", "prometheus");

    JsonNode timescale = byUid.get("timescaledb");
    assertThat(timescale.path("type").asText()).isEqualTo("grafana-postgresql-datasource");
    assertThat(timescale.path("url").asText()).isEqualTo("timescaledb:5432");
    assertThat(timescale.path("jsonData").path("database").asText()).isEqualTo("gold_command");
    assertThat(timescale.path("jsonData").path("timescaledb").asBoolean()).isTrue();
    assertThat(timescale.path("user").asText()).matches(FROM_ENVIRONMENT);
    assertThat(timescale.path("secureJsonData").path("password").asText()).matches(FROM_ENVIRONMENT);
    assertThat(timescale.has("password")).as("a password in plain jsonData").isFalse();
    assertThat(byUid.get("prometheus").path("url").asText()).isEqualTo("http://prometheus:9090");
  }

  @Test
  void theDashboardProviderReadsTheFolderTheDashboardsAreMountedIn() {
    JsonNode provider = GrafanaFiles.provisioning("dashboards").values().iterator().next().path("providers").get(0);

    assertThat(provider.path("type").asText()).isEqualTo("file");
    assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    assertThat(provider.path("allowUiUpdates").asBoolean()).isFalse();
  }

  @Test
  void dashboardsHaveUniqueStableUidsAndNoDatabaseIds() {
    Set<String> uids = new HashSet<>();
    Set<String> titles = new HashSet<>();
    assertThat(GrafanaFiles.dashboards()).hasSizeGreaterThanOrEqualTo(2);
    GrafanaFiles.dashboards().forEach((path, dashboard) -> {
      assertThat(dashboard.path("uid").asText()).as(path + " uid").matches("[a-z0-9-]{1,40}");
      assertThat(uids.add(dashboard.path("uid").asText())).as(path + " uid is unique").isTrue();
      assertThat(titles.add(dashboard.path("title").asText())).as(path + " title is unique").isTrue();
      assertThat(dashboard.path("id").isNull()).as(path + " id is null").isTrue();
      assertThat(dashboard.path("schemaVersion").asInt()).as(path + " schemaVersion").isBetween(39, 42);
    });
  }

  @Test
  void panelIdsAreUniqueWithinADashboardAndPanelsFitTheGrid() {
    GrafanaFiles.dashboards().forEach((path, dashboard) -> {
      List<JsonNode> panels = GrafanaFiles.panels(dashboard);
      assertThat(panels).as(path.toString()).isNotEmpty();
      assertThat(panels.stream().map(p -> p.path("id").asInt()).toList()).as(path + " panel ids").doesNotHaveDuplicates();
      for (JsonNode panel : panels) {
        JsonNode grid = panel.path("gridPos");
        assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asText()).isBetween(1, 24);
      }
    });
  }

  @Test
  void everyDataSourceReferenceIsToAProvisionedUid() {
    Set<String> known = new HashSet<>(datasources().keySet());
    known.addAll(EXPRESSION_UIDS);
    List<String> references = new ArrayList<>();
    GrafanaFiles.dashboards().values().forEach(d -> collectDatasourceUids(d, references));
    GrafanaFiles.provisioning("alerting").values().forEach(a -> collectDatasourceUids(a, references));

    assertThat(references).isNotEmpty().allSatisfy(uid -> assertThat(known).contains(uid));
  }

  @Test
  void everySqlQueryIsRawSqlInCodeModeWithAFormatGrafanaKnows() {
    List<GrafanaFiles.SqlQuery> queries = GrafanaFiles.sqlQueries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(23);
    for (GrafanaFiles.SqlQuery query : queries) {
      assertThat(query.rawSql()).as(query.where()).isNotBlank();
      assertThat(query.format()).as(query.where()).isIn("time_series", "table");
      if (!query.where().contains("/ variable ")) {
        assertThat(query.source().path("rawQuery").asBoolean()).as(query.where() + " rawQuery").isTrue();
        assertThat(query.source().path("editorMode").asText()).as(query.where()).isEqualTo("code");
      }
    }
  }

  @Test
  void theTrustDetailDashboardIsForOneTrustAndItsSystemAndChartsEveryHistoryView() {
    JsonNode detail = GrafanaFiles.dashboards().get(GrafanaFiles.DASHBOARDS.resolve("trust-detail.json"));
    assertThat(detail).as("dashboards/trust-detail.json").isNotNull();
    Map<String, JsonNode> variables = new TreeMap<>();
    detail.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));

    assertThat(variables).containsOnlyKeys("trust", "system");
    assertThat(variables.get("trust").path("multi").asBoolean()).as("one trust at a time").isFalse();
    assertThat(variables.get("trust").path("includeAll").asBoolean()).isFalse();
    assertThat(variables.get("system").path("query").asText()).contains("${trust:sqlstring}");
    String sql = String.join("\n", GrafanaFiles.sqlQueries().stream()
        .filter(q -> q.where().startsWith("Trust detail /")).map(GrafanaFiles.SqlQuery::rawSql).toList());
    for (String view : List.of("trust_pressure_hourly", "trust_pressure_daily", "trust_parameter", "trust_parameter_hourly",
        "trust_parameter_daily", "system_pressure", "system_pressure_hourly", "system_pressure_daily", "alert_current",
        "alert_daily")) {
      assertThat(sql).as("a panel reads " + view).containsPattern("\\b" + view + "\\b");
    }
    // A single-valued variable is not quoted by Grafana, so every use must ask for SQL string formatting.
    assertThat(sql).doesNotContainPattern("\\$trust\\b|\\$\\{trust}|\\$system\\b|\\$\\{system}");
  }

  @Test
  void everyAlertRuleConditionAndExpressionRefersToQueriesInItsRule() {
    List<JsonNode> rules = GrafanaFiles.alertRules();
    assertThat(rules).isNotEmpty();
    assertThat(rules.stream().map(r -> r.path("uid").asText()).toList()).doesNotHaveDuplicates();
    for (JsonNode rule : rules) {
      List<String> refIds = StreamSupport.stream(rule.path("data").spliterator(), false)
          .map(d -> d.path("refId").asText()).toList();
      assertThat(refIds).as(rule.path("title").asText()).doesNotHaveDuplicates().contains(rule.path("condition").asText());
      for (JsonNode data : rule.path("data")) {
        if (data.path("model").has("expression")) {
          assertThat(refIds).as("expression of " + data.path("refId").asText())
              .contains(data.path("model").path("expression").asText());
        }
      }
      assertThat(rule.path("for").asText()).matches("\\d+[smh]");
    }
  }

  @Test
  void alertsLiveInTheDashboardsFolderAndEveryPolicyRoutesToAContactPoint() {
    String folder = GrafanaFiles.provisioning("dashboards").values().iterator().next()
        .path("providers").get(0).path("folder").asText();
    Set<String> contactPoints = new HashSet<>();
    List<String> receivers = new ArrayList<>();
    for (JsonNode file : GrafanaFiles.provisioning("alerting").values()) {
      file.path("groups").forEach(g -> assertThat(g.path("folder").asText()).as(g.path("name").asText()).isEqualTo(folder));
      file.path("contactPoints").forEach(c -> {
        contactPoints.add(c.path("name").asText());
        c.path("receivers").forEach(r -> assertThat(r.path("settings").path("url").asText()).startsWith("http"));
      });
      file.path("policies").forEach(p -> receivers.add(p.path("receiver").asText()));
    }
    assertThat(receivers).isNotEmpty();
    assertThat(contactPoints).containsAll(receivers);
  }

  private static Map<String, JsonNode> datasources() {
    Map<String, JsonNode> byUid = new TreeMap<>();
    GrafanaFiles.provisioning("datasources").values()
        .forEach(file -> file.path("datasources").forEach(ds -> byUid.put(ds.path("uid").asText(), ds)));
    return byUid;
  }

  /** Every {@code datasource.uid} and {@code datasourceUid}, anywhere in the tree. */
  private static void collectDatasourceUids(JsonNode node, List<String> into) {
    if (node.isObject()) {
      node.properties().forEach(field -> {
        if (field.getKey().equals("datasourceUid")) {
          into.add(field.getValue().asText());
        } else if (field.getKey().equals("datasource")) {
          assertThat(field.getValue().isObject()).as("datasource referenced by uid, not by name: " + field.getValue()).isTrue();
          into.add(field.getValue().path("uid").asText());
        }
        collectDatasourceUids(field.getValue(), into);
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectDatasourceUids(child, into));
    }
  }
}
