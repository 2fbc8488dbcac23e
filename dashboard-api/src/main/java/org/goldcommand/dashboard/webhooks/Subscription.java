package org.goldcommand.dashboard.webhooks;

import org.goldcommand.dashboard.auth.Role;
import java.net.URI;
import java.util.Set;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.Severity;

/**
 * One alert subscription from the subscriptions file: who it is for (a role), what they want to
 * hear about (systems, trusts, least severity, kinds) and where it is sent. Kept as data so a
 * system's on-call arrangements change with a file, not a release.
 *
 * @param id stable name, used in delivery metrics and logs
 * @param role the role of the people behind it, which limits the kinds they are sent
 * @param systems system (ICB) codes, or {@code *} for every system
 * @param trusts organisation codes within those systems; empty means every organisation and the
 *     system-wide alerts too
 * @param minimumSeverity the least severe alert wanted
 * @param kinds the kinds wanted; empty means every kind the role may receive
 * @param webhook where matching alert steps are posted
 */
public record Subscription(String id, Role role, Set<String> systems, Set<String> trusts, Severity minimumSeverity,
    Set<AlertKind> kinds, Webhook webhook) {

  /** Every system. */
  public static final String ALL_SYSTEMS = "*";

  public Subscription {
    systems = Set.copyOf(systems);
    trusts = Set.copyOf(trusts);
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(kinds);
  }

  /**
   * A webhook endpoint.
   *
   * @param url where to POST
   * @param secret the shared HMAC secret, read from the environment variable the file names
   * @param enabled whether to send at all (a disabled one is matched but never called)
   */
  public record Webhook(URI url, String secret, boolean enabled) {

    @Override
    public String toString() {
      return "Webhook[url=" + url + ", enabled=" + enabled + "]";
    }
  }
}
