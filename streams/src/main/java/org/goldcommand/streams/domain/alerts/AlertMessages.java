package org.goldcommand.streams.domain.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldcommand.events.alerts.Alert.AlertKind;

/**
 * Turns a rule's message template and an observation's figures into the plain-language sentence a
 * person reads ("Lancashire Teaching Hospitals is at OPEL 4 (score 78.5): ..."), formatting numbers,
 * durations and times the way a command room speaks them (UK local time). Each kind of rule has a
 * fixed set of placeholders, so a rules file naming one that would never be filled is refused at
 * start rather than showing a gap in an alert.
 */
public final class AlertMessages {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM", Locale.UK);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final Map<AlertKind, Set<String>> PLACEHOLDERS = new EnumMap<>(Map.of(
      AlertKind.TRUST_LEVEL, Set.of("name", "code", "level", "score", "threshold", "drivers"),
      AlertKind.SYSTEM_LEVEL, Set.of("name", "code", "level", "score", "threshold", "highestTrustLevel", "trusts"),
      AlertKind.SYSTEM_RISING_FAST, Set.of("name", "code", "score", "change2h", "change4h"),
      AlertKind.PARAMETER_BREACH, Set.of("name", "code", "parameter", "value", "level", "threshold", "debounce"),
      AlertKind.STALE_FEED, Set.of("name", "code", "feed", "lastReceived", "limit"),
      AlertKind.COLD_CHAIN_EXCURSION, Set.of("site", "code", "device", "celsius", "at", "low", "high"),
      AlertKind.DOSES_AT_RISK, Set.of("site", "code", "product", "doses", "stock", "earliestExpiry", "lookAhead")));

  private AlertMessages() {}

  /** The placeholders a rule of this kind may use. */
  public static Set<String> placeholders(AlertKind kind) {
    return PLACEHOLDERS.get(kind);
  }

  /** The placeholders a template uses, in order of first use. */
  public static Set<String> used(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The template with every placeholder replaced by its value ({@code ?} where none was given). */
  public static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "?")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A figure with at most one decimal place and no trailing zero: 72, 98.1. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A figure with its unit: {@code 98.1%}, {@code 72 minutes}. */
  public static String withUnit(double value, String unit) {
    if (unit == null || unit.isBlank()) {
      return number(value);
    }
    return unit.equals("%") ? number(value) + "%" : number(value) + " " + unit;
  }

  /** A signed change: {@code +12.5}, {@code -3}. */
  public static String change(Double value) {
    if (value == null) {
      return "not yet known";
    }
    return (value > 0 ? "+" : "") + number(value);
  }

  /** A duration as people say it: {@code 26 h}, {@code 30 min}, {@code 1 h 30 min}, {@code 3 days}. */
  public static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
      return minutes / (24 * 60) + " days";
    }
    long h = minutes / 60;
    long m = minutes % 60;
    if (h == 0) {
      return m + " min";
    }
    return m == 0 ? h + " h" : h + " h " + m + " min";
  }

  /** A moment in UK local time: {@code 08:00 on 1 Dec}. */
  public static String time(Instant at) {
    return at == null ? "never" : TIME.format(at.atZone(UK));
  }

  /** A date: {@code 4 Dec 2026}. */
  public static String date(LocalDate date) {
    return date == null ? "none" : DATE.format(date);
  }
}
