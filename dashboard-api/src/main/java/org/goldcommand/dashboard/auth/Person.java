package org.goldcommand.dashboard.auth;

import java.time.Instant;
import java.util.Set;
import org.goldcommand.events.alerts.Alert.AlertKind;

/**
 * Someone signed in, as their token describes them: who they are (for the audit log), what their
 * roles let them do, where they may look, and until when the token holds (a live connection is
 * closed then, so a revoked person's wall goes dark within a token's lifetime).
 *
 * @param id the token's subject, stable across sessions
 * @param name the name shown and written in the audit log
 * @param roles every role the token grants
 * @param scope the systems and sites they may see
 * @param expiresAt when the token stops being accepted
 */
public record Person(String id, String name, Set<Role> roles, Scope scope, Instant expiresAt) {

  public Person {
    roles = Set.copyOf(roles);
  }

  /** Whether any of the person's roles allows this. */
  public boolean may(Permission permission) {
    return roles.stream().anyMatch(r -> r.may(permission));
  }

  /** Whether any of the person's roles sees alerts of this kind. */
  public boolean receives(AlertKind kind) {
    return roles.stream().anyMatch(r -> r.receives(kind));
  }

  /** The roles as their codes, comma-separated, for the audit log. */
  public String roleCodes() {
    return String.join(",", roles.stream().map(Role::code).sorted().toList());
  }
}
