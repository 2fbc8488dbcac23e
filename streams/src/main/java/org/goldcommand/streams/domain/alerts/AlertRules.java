package org.goldcommand.streams.domain.alerts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.goldcommand.events.alerts.Alert.ActionCard;

/**
 * Reads the alert rules and their action cards from YAML, refusing a file that is incomplete or
 * contradicts itself (naming every problem at once), so a bad version stops the service at start
 * instead of silently alerting nobody. The rules file names its action cards file, relative to
 * itself.
 */
public final class AlertRules {

  /** The illustrative default shipped with Gold Command. */
  public static final String DEFAULT_RESOURCE = "alerts/rules-default.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private AlertRules() {}

  /** The rules file as written. */
  record RulesFile(String version, String note, String actionCards, List<AlertRule> rules) {}

  /** The action cards file as written. */
  record CardsFile(String version, String note, Map<String, ActionCard> cards) {}

  /** The default rules. */
  public static AlertRuleSet defaultRules() {
    RulesFile rules = read(DEFAULT_RESOURCE, RulesFile.class);
    CardsFile cards = rules.actionCards() == null ? null
        : read(Path.of(DEFAULT_RESOURCE).resolveSibling(rules.actionCards()).toString(), CardsFile.class);
    return checked(rules, cards);
  }

  /** Rules from a file, with the action cards file it names beside it. */
  public static AlertRuleSet fromFile(Path file) {
    RulesFile rules = read(file, RulesFile.class);
    CardsFile cards = rules.actionCards() == null ? null
        : read(file.toAbsolutePath().resolveSibling(rules.actionCards()), CardsFile.class);
    return checked(rules, cards);
  }

  private static <T> T read(String resource, Class<T> type) {
    try (InputStream in = AlertRules.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + resource);
      }
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  private static <T> T read(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static AlertRuleSet checked(RulesFile file, CardsFile cardsFile) {
    List<String> problems = new ArrayList<>();
    if (file.version() == null || file.version().isBlank()) {
      problems.add("the rules need a version");
    }
    Map<String, ActionCard> cards = cardsFile == null || cardsFile.cards() == null ? Map.of() : cardsFile.cards();
    if (cardsFile == null) {
      problems.add("the rules need an actionCards file");
    }
    cards.forEach((id, card) -> {
      if (card == null || card.title() == null || card.title().isBlank() || card.steps().isEmpty()) {
        problems.add("action card " + id + " needs a title and at least one step");
      }
    });
    List<AlertRule> rules = file.rules() == null ? List.of() : file.rules();
    if (rules.isEmpty()) {
      problems.add("the rules file has no rules");
    }
    Set<String> ids = new HashSet<>();
    for (AlertRule rule : rules) {
      String name = "rule " + rule.id();
      if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
        problems.add(name + ": id must be lower-case letters, digits and dashes");
      } else if (!ids.add(rule.id())) {
        problems.add(name + " appears twice");
      }
      if (rule.kind() == null || rule.severity() == null) {
        problems.add(name + " needs a kind and a severity");
        continue;
      }
      checkTimes(rule, name, problems);
      checkThresholds(rule, name, problems);
      if (rule.card() == null || !cards.containsKey(rule.card())) {
        problems.add(name + ": action card " + rule.card() + " is not in the action cards file");
      }
      checkTemplate(rule, "title", rule.title(), name, problems);
      checkTemplate(rule, "message", rule.message(), name, problems);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Alert rules " + file.version() + " refused: " + String.join("; ", problems));
    }
    return new AlertRuleSet(file.version(), file.note(), rules, cards);
  }

  private static void checkTimes(AlertRule rule, String name, List<String> problems) {
    if (negativeOrMissing(rule.debounce()) || negativeOrMissing(rule.holdDown())) {
      problems.add(name + " needs a debounce and a hold-down of zero or more");
    }
    if (rule.debounceByParameter().values().stream().anyMatch(AlertRules::negativeOrMissing)) {
      problems.add(name + ": every per-parameter debounce must be zero or more");
    }
  }

  private static void checkThresholds(AlertRule rule, String name, List<String> problems) {
    Double t = rule.threshold();
    switch (rule.kind()) {
      case TRUST_LEVEL, SYSTEM_LEVEL, PARAMETER_BREACH -> {
        if (t == null || t < 2 || t > 4 || t != Math.rint(t)) {
          problems.add(name + ": threshold must be a level 2, 3 or 4");
        }
      }
      case STALE_FEED -> {
        if (rule.staleAfter().isEmpty() || rule.staleAfter().values().stream()
            .anyMatch(d -> d == null || d.isNegative() || d.isZero())) {
          problems.add(name + ": staleAfter must give each feed a positive limit");
        }
      }
      case COLD_CHAIN_EXCURSION -> {
        if (rule.safeRange() == null || !(rule.safeRange().low() < rule.safeRange().high())) {
          problems.add(name + ": safeRange needs low below high");
        }
      }
      case DOSES_AT_RISK -> {
        if (t == null || t < 1) {
          problems.add(name + ": threshold must be at least 1 dose");
        }
        if (rule.lookAhead() == null || rule.lookAhead().isNegative() || rule.lookAhead().isZero()) {
          problems.add(name + ": lookAhead must be positive");
        }
      }
      case SYSTEM_RISING_FAST -> {
        if (t != null) {
          problems.add(name + ": rising fast takes its threshold from the scoring table, not a threshold");
        }
      }
    }
  }

  private static void checkTemplate(AlertRule rule, String field, String template, String name,
      List<String> problems) {
    if (template == null || template.isBlank()) {
      problems.add(name + " needs a " + field);
      return;
    }
    Set<String> unknown = new HashSet<>(AlertMessages.used(template));
    unknown.removeAll(AlertMessages.placeholders(rule.kind()));
    if (!unknown.isEmpty()) {
      problems.add(name + "'s " + field + " uses " + unknown.stream().sorted().toList() + ", which a "
          + rule.kind() + " rule never fills; it may use " + AlertMessages.placeholders(rule.kind()).stream()
          .sorted().toList());
    }
  }

  private static boolean negativeOrMissing(Duration d) {
    return d == null || d.isNegative();
  }
}
