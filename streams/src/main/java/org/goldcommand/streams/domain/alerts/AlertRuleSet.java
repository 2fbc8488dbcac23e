package org.goldcommand.streams.domain.alerts;

import java.util.List;
import java.util.Map;
import org.goldcommand.events.alerts.Alert.ActionCard;
import org.goldcommand.events.alerts.Alert.AlertKind;

/**
 * A loaded, checked version of the alert rules with the action cards they point at. Every alert
 * names the version that raised it, so a person can tell which thresholds were in force.
 *
 * @param version the rules file's version
 * @param note what the file is (for example, that it is illustrative)
 * @param rules the rules, in file order
 * @param cards the action cards by id
 */
public record AlertRuleSet(String version, String note, List<AlertRule> rules, Map<String, ActionCard> cards) {

  public AlertRuleSet {
    rules = List.copyOf(rules);
    cards = Map.copyOf(cards);
  }

  /** The rules of one kind, in file order. */
  public List<AlertRule> ofKind(AlertKind kind) {
    return rules.stream().filter(r -> r.kind() == kind).toList();
  }

  /** The action card a rule points at (the loader guarantees it exists). */
  public ActionCard card(AlertRule rule) {
    return cards.get(rule.card());
  }
}
