package org.goldcommand.dashboard.webhooks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.goldcommand.events.alerts.Alert.AlertKind;

/**
 * The roles of DESIGN.md section 8, as far as alert delivery needs them: which kinds of alert a
 * role may be sent. A pharmacist's on-call phone should ring for a fridge out of range, never for
 * bed occupancy; a feed administrator needs to hear only that a feed went quiet. Roles whose job is
 * the whole picture receive every kind.
 */
public enum Role {
  VIEWER("viewer", EnumSet.allOf(AlertKind.class)),
  SYSTEM_LEAD("system-lead", EnumSet.allOf(AlertKind.class)),
  PHARMACIST("pharmacist", EnumSet.of(AlertKind.COLD_CHAIN_EXCURSION, AlertKind.DOSES_AT_RISK, AlertKind.STALE_FEED)),
  FEED_ADMIN("feed-admin", EnumSet.of(AlertKind.STALE_FEED)),
  ADMIN("admin", EnumSet.allOf(AlertKind.class));

  private final String code;
  private final Set<AlertKind> kinds;

  Role(String code, Set<AlertKind> kinds) {
    this.code = code;
    this.kinds = kinds;
  }

  /** The name used in files and, from issue 5, in tokens. */
  public String code() {
    return code;
  }

  /** Whether someone in this role may be sent alerts of this kind. */
  public boolean receives(AlertKind kind) {
    return kinds.contains(kind);
  }

  /** The role with this code, if there is one. */
  public static Optional<Role> of(String code) {
    String wanted = code == null ? "" : code.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst();
  }
}
