package org.goldcommand.dashboard.auth;

import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;
import org.goldcommand.events.alerts.Alert.AlertKind;

/**
 * Which values a person may see, applied alike to live channels and REST answers so the two never
 * disagree: the value's system, organisation or site must be in the person's {@link Scope}, and an
 * alert must be of a kind one of their roles receives.
 */
public final class Visibility {

  private Visibility() {}

  /**
   * Values (pressure, feed status, suggestions, stock) in the person's scope. Someone whose scope is
   * everywhere skips the lookups: live channels test this once per change per client.
   */
  public static Predicate<JsonObject> values(Person person) {
    if (person.scope().everywhere()) {
      return value -> true;
    }
    return value -> person.scope().covers(value.getString("systemCode"), value.getString("orgCode"),
        value.getString("siteCode"));
  }

  /** Alerts in the person's scope and of a kind they receive. */
  public static Predicate<JsonObject> alerts(Person person) {
    return values(person).and(alert -> kindReceived(person, alert.getString("kind")));
  }

  private static boolean kindReceived(Person person, String kind) {
    try {
      return kind != null && person.receives(AlertKind.valueOf(kind));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
