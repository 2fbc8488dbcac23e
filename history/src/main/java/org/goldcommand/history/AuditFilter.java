package org.goldcommand.history;

import java.util.Objects;

/**
 * Which audit entries an admin asks for: everyone's, one person's, or those about one thing.
 * A null field matches anything.
 *
 * @param actor who made the change
 * @param targetType what kind of thing was changed, for example {@code alert}
 * @param targetId which one; only with a target type
 */
public record AuditFilter(String actor, String targetType, String targetId) {

  public AuditFilter {
    if (targetId != null && targetType == null) {
      throw new IllegalArgumentException("targetId " + targetId + " needs a targetType");
    }
  }

  /** Every entry in the range. */
  public static AuditFilter any() {
    return new AuditFilter(null, null, null);
  }

  /** Entries made by this person. */
  public static AuditFilter byActor(String actor) {
    return new AuditFilter(Objects.requireNonNull(actor, "actor"), null, null);
  }

  /** Entries about this thing. */
  public static AuditFilter byTarget(String targetType, String targetId) {
    return new AuditFilter(null, Objects.requireNonNull(targetType, "targetType"),
        Objects.requireNonNull(targetId, "targetId"));
  }
}
