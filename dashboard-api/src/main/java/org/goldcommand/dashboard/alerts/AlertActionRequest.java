package org.goldcommand.dashboard.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldcommand.events.validation.Violation;

/**
 * The body of an acknowledge or resolve request, {@code {"note": "..."}} (or none), checked field
 * by field so the answer names what is wrong. Who is acting comes from their token, never the body.
 *
 * @param note what they said, or null
 */
public record AlertActionRequest(String note) {

  /** The longest note accepted. */
  public static final int MAX_NOTE = 2_000;

  private static final Set<String> FIELDS = Set.of("note");

  /** The violations in a request body (its fields as a map); empty when it is usable. */
  public static List<Violation> violations(Map<String, Object> body) {
    List<Violation> violations = new ArrayList<>();
    for (String field : body.keySet()) {
      if (!FIELDS.contains(field)) {
        violations.add(new Violation(field, "unknown field; send only note (who acts comes from your token)"));
      }
    }
    Object note = body.get("note");
    if (note != null && !(note instanceof String)) {
      violations.add(new Violation("note", "must be text"));
    } else if (note != null && ((String) note).length() > MAX_NOTE) {
      violations.add(new Violation("note", "at most " + MAX_NOTE + " characters"));
    }
    return violations;
  }

  /** The request from a body with no violations. */
  public static AlertActionRequest of(Map<String, Object> body) {
    Object note = body.get("note");
    return new AlertActionRequest(note == null || ((String) note).isBlank() ? null : ((String) note).trim());
  }
}
