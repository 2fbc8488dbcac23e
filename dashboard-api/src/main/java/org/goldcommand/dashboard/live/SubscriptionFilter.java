package org.goldcommand.dashboard.live;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a subscription's {@code filter} into a predicate on channel values: {@code ics} matches the
 * value's system code, {@code org} its organisation code. Unknown filter fields are refused rather
 * than ignored, so a typo never silently shows the whole country.
 */
final class SubscriptionFilter {

  private static final Set<String> KNOWN = Set.of("ics", "org");

  private SubscriptionFilter() {}

  static Predicate<JsonObject> from(Object raw) {
    if (raw == null) {
      return data -> true;
    }
    if (!(raw instanceof JsonObject filter)) {
      throw new IllegalArgumentException("filter must be an object, for example {\"ics\":\"QE1\"}");
    }
    for (String field : filter.fieldNames()) {
      if (!KNOWN.contains(field)) {
        throw new IllegalArgumentException("Unknown filter field '" + field + "': use ics or org");
      }
    }
    String ics = text(filter, "ics");
    String org = text(filter, "org");
    return data -> (ics == null || ics.equals(data.getString("systemCode")))
        && (org == null || org.equals(data.getString("orgCode")));
  }

  private static String text(JsonObject filter, String field) {
    Object value = filter.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("filter." + field + " must be a code, for example \"QE1\"");
    }
    return (String) value;
  }
}
