package org.goldcommand.dashboard.webhooks;

import org.goldcommand.events.alerts.Alert;

/**
 * Whether an alert step goes to a subscription: its system is one of the subscription's (or the
 * subscription covers every system), its trust is one of the subscription's trusts (an alert about
 * the whole system goes only to subscriptions not limited to trusts), it is at least as severe as
 * wanted, and it is a kind both wanted and allowed for the subscription's role.
 */
public final class SubscriptionMatcher {

  private SubscriptionMatcher() {}

  /** Whether the alert should be sent to the subscription. */
  public static boolean matches(Subscription subscription, Alert alert) {
    return inSystem(subscription, alert)
        && inTrusts(subscription, alert)
        && alert.severity() != null && alert.severity().compareTo(subscription.minimumSeverity()) >= 0
        && alert.kind() != null && subscription.role().receives(alert.kind())
        && (subscription.kinds().isEmpty() || subscription.kinds().contains(alert.kind()));
  }

  private static boolean inSystem(Subscription subscription, Alert alert) {
    return subscription.systems().contains(Subscription.ALL_SYSTEMS)
        || alert.systemCode() != null && subscription.systems().contains(alert.systemCode());
  }

  private static boolean inTrusts(Subscription subscription, Alert alert) {
    return subscription.trusts().isEmpty()
        || alert.orgCode() != null && subscription.trusts().contains(alert.orgCode());
  }
}
