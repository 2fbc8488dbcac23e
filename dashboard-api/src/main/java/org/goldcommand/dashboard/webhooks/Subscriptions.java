package org.goldcommand.dashboard.webhooks;

import java.util.List;
import org.goldcommand.events.alerts.Alert;

/**
 * The subscriptions file as loaded: its version (logged at start, so it is clear which
 * arrangements were in force) and its subscriptions.
 *
 * @param version the file's version
 * @param all every subscription, in file order
 */
public record Subscriptions(String version, List<Subscription> all) {

  public Subscriptions {
    all = List.copyOf(all);
  }

  /** The subscriptions an alert step goes to. */
  public List<Subscription> matching(Alert alert) {
    return all.stream().filter(s -> SubscriptionMatcher.matches(s, alert)).toList();
  }
}
