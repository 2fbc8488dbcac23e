package org.goldcommand.dashboard.webhooks;

import org.goldcommand.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.Severity;

/**
 * Reads the alert subscriptions file ({@code GC_ALERT_SUBSCRIPTIONS_FILE}, or the demo file on the
 * classpath). Every problem is reported at once with the path of the field at fault, and unknown
 * fields are refused, because a mistyped {@code trust:} that silently widened a subscription would
 * page the wrong people. Webhook secrets are never in the file: it names the environment variable
 * holding each one.
 */
public final class SubscriptionsFile {

  /** The demo subscriptions shipped with dashboard-api. */
  public static final String DEMO_RESOURCE = "alerts/subscriptions.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> SUBSCRIPTION_FIELDS =
      Set.of("id", "role", "systems", "trusts", "minimumSeverity", "kinds", "delivery");
  private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "secretEnv", "enabled");

  private final Function<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private SubscriptionsFile(Function<String, String> env) {
    this.env = env;
  }

  /**
   * Loads the file at {@code file}, or the demo file when it is null.
   *
   * @throws IllegalArgumentException listing every problem found
   */
  public static Subscriptions load(Path file, Function<String, String> env) {
    try (InputStream in = file == null
        ? SubscriptionsFile.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE) : Files.newInputStream(file)) {
      return parse(YAML.readTree(in), env);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read alert subscriptions " + (file == null ? DEMO_RESOURCE : file)
          + ": " + e.getMessage(), e);
    }
  }

  /** Reads subscriptions from YAML text (for tests and tools). */
  public static Subscriptions parse(String yaml, Function<String, String> env) {
    try {
      return parse(YAML.readTree(yaml), env);
    } catch (IOException e) {
      throw new IllegalArgumentException("Alert subscriptions are not YAML: " + e.getMessage(), e);
    }
  }

  private static Subscriptions parse(JsonNode root, Function<String, String> env) {
    SubscriptionsFile reader = new SubscriptionsFile(env);
    Subscriptions subscriptions = reader.read(root);
    if (!reader.problems.isEmpty()) {
      throw new IllegalArgumentException("Alert subscriptions are not usable: " + String.join("; ", reader.problems));
    }
    return subscriptions;
  }

  private Subscriptions read(JsonNode root) {
    if (root == null || !root.isObject()) {
      problems.add("the file must be a mapping with version and subscriptions");
      return new Subscriptions("", List.of());
    }
    String version = root.path("version").asText("");
    if (version.isBlank()) {
      problems.add("version: required");
    }
    List<Subscription> all = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode list = root.path("subscriptions");
    if (!list.isArray()) {
      problems.add("subscriptions: required, a list");
      return new Subscriptions(version, all);
    }
    for (int i = 0; i < list.size(); i++) {
      Subscription s = subscription("subscriptions[" + i + "]", list.get(i));
      if (s != null && !ids.add(s.id())) {
        problems.add("subscriptions[" + i + "].id: '" + s.id() + "' is used twice");
      } else if (s != null) {
        all.add(s);
      }
    }
    return new Subscriptions(version, all);
  }

  private Subscription subscription(String path, JsonNode node) {
    int before = problems.size();
    unknownFields(path, node, SUBSCRIPTION_FIELDS);
    String id = node.path("id").asText("");
    if (id.isBlank()) {
      problems.add(path + ".id: required");
    }
    Role role = Role.of(node.path("role").asText(null)).orElse(null);
    if (role == null) {
      problems.add(path + ".role: one of viewer, system-lead, pharmacist, feed-admin, admin");
    }
    Set<String> systems = codes(path + ".systems", node.path("systems"), Function.identity());
    if (systems.isEmpty()) {
      problems.add(path + ".systems: name at least one system code, or \"*\" for every system");
    }
    Set<String> trusts = codes(path + ".trusts", node.path("trusts"), Function.identity());
    Severity severity = node.has("minimumSeverity")
        ? constant(path + ".minimumSeverity", node.get("minimumSeverity").asText(), Severity.class) : Severity.WARNING;
    Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
    codes(path + ".kinds", node.path("kinds"), k -> constant(path + ".kinds", k, AlertKind.class)).stream()
        .filter(k -> k != null).forEach(kinds::add);
    Subscription.Webhook webhook = webhook(path + ".delivery.webhook", node.path("delivery").path("webhook"));
    unknownFields(path + ".delivery", node.path("delivery"), Set.of("webhook"));
    return problems.size() > before ? null : new Subscription(id, role, systems, trusts, severity, kinds, webhook);
  }

  private Subscription.Webhook webhook(String path, JsonNode node) {
    if (!node.isObject()) {
      problems.add(path + ": required, with url and secretEnv");
      return null;
    }
    unknownFields(path, node, WEBHOOK_FIELDS);
    boolean enabled = node.path("enabled").asBoolean(true);
    URI url = null;
    try {
      url = new URI(node.path("url").asText(""));
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        problems.add(path + ".url: an absolute http or https URL");
      }
    } catch (URISyntaxException e) {
      problems.add(path + ".url: not a URL (" + e.getReason() + ")");
    }
    String secretEnv = node.path("secretEnv").asText("");
    String secret = secretEnv.isBlank() ? null : env.apply(secretEnv);
    if (secretEnv.isBlank()) {
      problems.add(path + ".secretEnv: required, the name of the environment variable holding the secret");
    } else if (enabled && (secret == null || secret.length() < 16)) {
      problems.add(path + ".secretEnv: environment variable " + secretEnv
          + " must hold the webhook secret (at least 16 characters)");
    }
    return new Subscription.Webhook(url, secret == null ? "" : secret, enabled);
  }

  private <T> Set<T> codes(String path, JsonNode node, Function<String, T> convert) {
    Set<T> out = new LinkedHashSet<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add(path + ": a list");
      return out;
    }
    node.forEach(item -> {
      if (!item.isTextual() || item.asText().isBlank()) {
        problems.add(path + ": every entry must be a code");
      } else {
        out.add(convert.apply(item.asText().trim()));
      }
    });
    return out;
  }

  private <E extends Enum<E>> E constant(String path, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(path + ": '" + value + "' is not one of " + EnumSet.allOf(type));
      return null;
    }
  }

  private void unknownFields(String path, JsonNode node, Set<String> known) {
    node.fieldNames().forEachRemaining(field -> {
      if (!known.contains(field)) {
        problems.add(path + "." + field + ": unknown field; use " + known);
      }
    });
  }
}
