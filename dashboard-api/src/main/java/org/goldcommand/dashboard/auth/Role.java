package org.goldcommand.dashboard.auth;

import static org.goldcommand.dashboard.auth.Permission.ACT_ON_ALERTS;
import static org.goldcommand.dashboard.auth.Permission.READ_ALERTS;
import static org.goldcommand.dashboard.auth.Permission.READ_AUDIT;
import static org.goldcommand.dashboard.auth.Permission.READ_FEEDS;
import static org.goldcommand.dashboard.auth.Permission.READ_MUTUAL_AID;
import static org.goldcommand.dashboard.auth.Permission.READ_PRESSURE;
import static org.goldcommand.dashboard.auth.Permission.READ_VACCINE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.goldcommand.events.alerts.Alert.AlertKind;

/**
 * The roles of DESIGN.md section 8: what each may do ({@link Permission}) and which kinds of alert
 * it sees and is sent. A pharmacist's on-call phone should ring for a fridge out of range, never for
 * bed occupancy; a feed administrator needs to hear only that a feed went quiet. Roles whose job is
 * the whole picture receive every kind. A viewer watches (the wall) and changes nothing; only the
 * administrator reads the audit log. Where a person may look is their {@link Scope}, not their role.
 */
public enum Role {
  VIEWER("viewer", EnumSet.allOf(AlertKind.class),
      EnumSet.of(READ_PRESSURE, READ_ALERTS, READ_FEEDS, READ_MUTUAL_AID)),
  SYSTEM_LEAD("system-lead", EnumSet.allOf(AlertKind.class),
      EnumSet.of(READ_PRESSURE, READ_ALERTS, ACT_ON_ALERTS, READ_FEEDS, READ_MUTUAL_AID, READ_VACCINE)),
  PHARMACIST("pharmacist", EnumSet.of(AlertKind.COLD_CHAIN_EXCURSION, AlertKind.DOSES_AT_RISK, AlertKind.STALE_FEED),
      EnumSet.of(READ_ALERTS, ACT_ON_ALERTS, READ_FEEDS, READ_VACCINE)),
  FEED_ADMIN("feed-admin", EnumSet.of(AlertKind.STALE_FEED), EnumSet.of(READ_ALERTS, ACT_ON_ALERTS, READ_FEEDS)),
  ADMIN("admin", EnumSet.allOf(AlertKind.class), EnumSet.allOf(Permission.class));

  private final String code;
  private final Set<AlertKind> kinds;
  private final Set<Permission> permissions;

  Role(String code, Set<AlertKind> kinds, Set<Permission> permissions) {
    this.code = code;
    this.kinds = kinds;
    this.permissions = permissions;
  }

  /** Whether this role may do this. */
  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  /** The name used in files and in tokens' {@code roles} claim. */
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
