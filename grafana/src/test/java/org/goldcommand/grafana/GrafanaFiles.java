package org.goldcommand.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The provisioning files and dashboards exactly as Grafana will read them from this module's
 * folder (tests run with the module directory as the working directory).
 */
final class GrafanaFiles {

  /** The TimescaleDB data source's uid, which SQL panels and rules refer to. */
  static final String TIMESCALEDB = "timescaledb";

  static final Path PROVISIONING = Path.of("provisioning");
  static final Path DASHBOARDS = Path.of("dashboards");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private GrafanaFiles() {}

  /** Every provisioning YAML file under {@code provisioning/<kind>}, by path. */
  static Map<Path, JsonNode> provisioning(String kind) {
    return read(PROVISIONING.resolve(kind), YAML, ".yaml", ".yml");
  }

  /** Every dashboard JSON file, by path. */
  static Map<Path, JsonNode> dashboards() {
    return read(DASHBOARDS, JSON, ".json");
  }

  /** Every panel of a dashboard, including panels nested in rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Every alert rule in the alerting provisioning files. */
  static List<JsonNode> alertRules() {
    List<JsonNode> rules = new ArrayList<>();
    provisioning("alerting").values()
        .forEach(file -> file.path("groups").forEach(group -> group.path("rules").forEach(rules::add)));
    return rules;
  }

  /** Every SQL query Grafana will send to TimescaleDB: panel targets, template variables and alert rules. */
  static List<SqlQuery> sqlQueries() {
    List<SqlQuery> queries = new ArrayList<>();
    dashboards().values().forEach(dashboard -> {
      String title = dashboard.path("title").asText();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          JsonNode datasource = target.has("datasource") ? target.path("datasource") : panel.path("datasource");
          if (TIMESCALEDB.equals(datasource.path("uid").asText())) {
            queries.add(new SqlQuery(title + " / " + panel.path("title").asText() + " (" + target.path("refId").asText() + ")",
                target.path("rawSql").asText(), target.path("format").asText(), target));
          }
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        if (TIMESCALEDB.equals(variable.path("datasource").path("uid").asText())) {
          queries.add(new SqlQuery(title + " / variable " + variable.path("name").asText(),
              variable.path("query").asText(), "table", variable));
        }
      }
    });
    for (JsonNode rule : alertRules()) {
      for (JsonNode data : rule.path("data")) {
        if (TIMESCALEDB.equals(data.path("datasourceUid").asText())) {
          JsonNode model = data.path("model");
          queries.add(new SqlQuery("alert " + rule.path("title").asText() + " (" + data.path("refId").asText() + ")",
              model.path("rawSql").asText(), model.path("format").asText(), model));
        }
      }
    }
    return queries;
  }

  /**
   * One SQL query as Grafana holds it.
   *
   * @param where which dashboard, panel or rule it belongs to, for failure messages
   * @param rawSql the SQL with Grafana macros and template variables still in it
   * @param format {@code time_series} or {@code table}
   * @param source the JSON or YAML object it came from
   */
  record SqlQuery(String where, String rawSql, String format, JsonNode source) {
    @Override
    public String toString() {
      return where;
    }
  }

  private static Map<Path, JsonNode> read(Path folder, ObjectMapper mapper, String... suffixes) {
    Map<Path, JsonNode> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.toList()) {
        if (Stream.of(suffixes).anyMatch(path.toString()::endsWith)) {
          files.put(path, mapper.readTree(path.toFile()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + folder.toAbsolutePath(), e);
    }
    return files;
  }
}
