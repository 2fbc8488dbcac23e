package org.goldcommand.grafana;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Grafana's PostgreSQL macros and template variables the way Grafana does for a TimescaleDB
 * data source ({@code timescaledb: true}), over a fixed six-hour dashboard range, so a test can
 * send panel SQL to a real database. Covers the macros our panels use; anything left unexpanded
 * is reported rather than sent.
 */
final class GrafanaSql {

  static final String RANGE = "interval '6 hours'";
  static final String INTERVAL = "5m";

  private static final Pattern TIME_GROUP =
      Pattern.compile("\\$__timeGroup(Alias)?\\(\\s*([^,()]+?)\\s*,\\s*'?(\\d+)([smhdw])'?\\s*\\)");
  private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(\\s*([^()]+?)\\s*\\)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");

  private GrafanaSql() {}

  /**
   * The SQL Grafana would send.
   *
   * @param variables each template variable's value, already formatted as Grafana formats it for SQL
   * @throws IllegalArgumentException if a macro or variable is left that this expander does not know
   */
  static String expand(String rawSql, Map<String, String> variables) {
    String sql = rawSql.replace("$__interval", INTERVAL)
        .replace("$__timeFrom()", "(now() - " + RANGE + ")")
        .replace("$__timeTo()", "now()");
    sql = replace(TIME_GROUP, sql, m -> "time_bucket('" + seconds(m.group(3), m.group(4)) + "s', " + m.group(2) + ")"
        + (m.group(1) == null ? "" : " AS \"time\""));
    sql = replace(TIME_FILTER, sql, m -> m.group(1) + " BETWEEN now() - " + RANGE + " AND now()");
    sql = replace(VARIABLE, sql, m -> {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = variables.get(name);
      if (value == null) {
        throw new IllegalArgumentException("Unknown macro or variable $" + name + " in: " + rawSql);
      }
      return value;
    });
    return sql;
  }

  private static long seconds(String amount, String unit) {
    long n = Long.parseLong(amount);
    return switch (unit) {
      case "s" -> n;
      case "m" -> Duration.ofMinutes(n).toSeconds();
      case "h" -> Duration.ofHours(n).toSeconds();
      case "d" -> Duration.ofDays(n).toSeconds();
      default -> Duration.ofDays(7 * n).toSeconds();
    };
  }

  private static String replace(Pattern pattern, String sql, Function<Matcher, String> with) {
    Matcher m = pattern.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
