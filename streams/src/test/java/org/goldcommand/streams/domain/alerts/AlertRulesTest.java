package org.goldcommand.streams.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesTest {

  @TempDir
  Path dir;

  @Test
  void theDefaultRulesCoverEveryKindWithTheDesignsLimitsAndACardEach() {
    AlertRuleSet rules = AlertRules.defaultRules();
    assertThat(rules.version()).isEqualTo("design-2026.12-illustrative");
    assertThat(rules.note()).containsIgnoringCase("illustrative");
    assertThat(rules.rules().stream().map(AlertRule::kind).collect(Collectors.toSet()))
        .isEqualTo(Set.copyOf(Arrays.asList(AlertKind.values())));
    assertThat(rules.ofKind(AlertKind.TRUST_LEVEL)).extracting(AlertRule::threshold).containsExactly(3.0, 4.0);
    assertThat(rules.ofKind(AlertKind.SYSTEM_LEVEL)).extracting(AlertRule::threshold).containsExactly(3.0, 4.0);
    AlertRule stale = rules.ofKind(AlertKind.STALE_FEED).get(0);
    assertThat(stale.staleAfter()).containsExactlyInAnyOrderEntriesOf(Map.of("sitrep", Duration.ofHours(26),
        "ed-snapshot", Duration.ofMinutes(30), "bed-state", Duration.ofMinutes(30), "cold-chain", Duration.ofMinutes(60)));
    AlertRule fridge = rules.ofKind(AlertKind.COLD_CHAIN_EXCURSION).get(0);
    assertThat(fridge.safeRange()).isEqualTo(new AlertRule.Range(2, 8));
    AlertRule parameter = rules.ofKind(AlertKind.PARAMETER_BREACH).get(0);
    assertThat(parameter.debounceFor("handoverMeanMinutes")).isEqualTo(Duration.ofMinutes(30));
    assertThat(parameter.debounceFor("staffAbsencePct")).isEqualTo(parameter.debounce());
    rules.rules().forEach(r -> assertThat(rules.card(r).steps()).isNotEmpty());
    assertThat(rules.card(rules.ofKind(AlertKind.TRUST_LEVEL).get(1)).steps())
        .contains("Declare OPEL 4 to the ICB on-call director");
  }

  @Test
  void aRulesFileElsewhereIsLoadedWithTheCardsFileBesideIt() throws IOException {
    Path rules = write("rules.yaml", RULES);
    write("cards.yaml", CARDS);
    AlertRuleSet set = AlertRules.fromFile(rules);
    assertThat(set.version()).isEqualTo("local-2");
    assertThat(set.rules()).singleElement().satisfies(r -> {
      assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(r.holdDown()).isEqualTo(Duration.ofMinutes(90));
    });
  }

  @Test
  void anInconsistentFileIsRefusedNamingEveryProblem() throws IOException {
    write("cards.yaml", CARDS);
    String bad = RULES.replace("threshold: 4", "threshold: 5").replace("card: opel4", "card: missing")
        .replace("holdDown: PT90M", "holdDown: -PT1M").replace("{name} is at", "{name} {postcode} is at");
    assertThatThrownBy(() -> AlertRules.fromFile(write("bad.yaml", bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold must be a level 2, 3 or 4")
        .hasMessageContaining("action card missing")
        .hasMessageContaining("hold-down")
        .hasMessageContaining("[postcode]");
  }

  @Test
  void duplicateIdsMissingVersionsAndKindSpecificGapsAreRefused() throws IOException {
    write("cards.yaml", CARDS);
    String twice = RULES + RULES.substring(RULES.indexOf("  - id:"));
    assertThatThrownBy(() -> AlertRules.fromFile(write("twice.yaml", twice))).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> AlertRules.fromFile(write("nov.yaml", RULES.replace("version: local-2\n", ""))))
        .hasMessageContaining("need a version");
    String staleWithoutLimits = RULES.replace("kind: TRUST_LEVEL", "kind: STALE_FEED").replace("    threshold: 4\n", "")
        .replace("{name} is at OPEL {level}", "{name}").replace("{name} at OPEL 4", "{name}");
    assertThatThrownBy(() -> AlertRules.fromFile(write("stale.yaml", staleWithoutLimits)))
        .hasMessageContaining("staleAfter");
    assertThatThrownBy(() -> AlertRules.fromFile(write("typo.yaml", RULES.replace("holdDown:", "holdDwn:"))))
        .hasMessageContaining("holdDwn");
  }

  @Test
  void everyDefaultTemplateUsesOnlyPlaceholdersItsKindFills() {
    Map<String, String> none = new HashMap<>();
    for (AlertRule rule : AlertRules.defaultRules().rules()) {
      assertThat(AlertMessages.placeholders(rule.kind())).containsAll(AlertMessages.used(rule.message()));
      assertThat(AlertMessages.render(rule.title(), none)).doesNotContain("{");
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  static final String RULES = """
      version: local-2
      note: a test
      actionCards: cards.yaml
      rules:
        - id: trust-opel-4
          kind: TRUST_LEVEL
          severity: CRITICAL
          threshold: 4
          debounce: PT0S
          holdDown: PT90M
          card: opel4
          title: "{name} at OPEL 4"
          message: "{name} is at OPEL {level} (score {score}): {drivers}."
      """;

  static final String CARDS = """
      version: local-2
      cards:
        opel4: {title: "OPEL 4", steps: ["Call the director"]}
      """;
}
