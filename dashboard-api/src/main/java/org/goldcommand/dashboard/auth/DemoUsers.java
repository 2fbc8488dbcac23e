package org.goldcommand.dashboard.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo profile's people ({@code auth/demo-users.yaml}): one per role, scoped to the demo
 * system, and one in another system to show that scope hides what is not yours. The local issuer
 * signs tokens only for these.
 */
public final class DemoUsers {

  private static final String RESOURCE = "auth/demo-users.yaml";

  /** One demo person. */
  public record DemoUser(String id, String name, Set<Role> roles, Set<String> systems, Set<String> sites) {

    /** The claims of this person's token. */
    public JsonObject claims() {
      return PersonClaims.of(id, name, roles, systems, sites);
    }

    /** As listed on the sign-in page. */
    public JsonObject describe() {
      return claims().put("id", id);
    }
  }

  private final Map<String, DemoUser> users;

  private DemoUsers(Map<String, DemoUser> users) {
    this.users = users;
  }

  /** The demo people shipped on the class path. */
  public static DemoUsers load() {
    try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, DemoUser> users = new LinkedHashMap<>();
      for (JsonNode node : root.path("users")) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : texts(node.path("roles"))) {
          roles.add(Role.of(code).orElseThrow(() -> new IllegalStateException(RESOURCE + ": unknown role " + code)));
        }
        DemoUser user = new DemoUser(node.path("id").asText(), node.path("name").asText(), roles,
            texts(node.path("systems")), texts(node.path("sites")));
        users.put(user.id(), user);
      }
      return new DemoUsers(users);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + RESOURCE, e);
    }
  }

  /** The person with this id. */
  public Optional<DemoUser> find(String id) {
    return Optional.ofNullable(users.get(id));
  }

  /** Everyone, in file order. */
  public List<DemoUser> all() {
    return new ArrayList<>(users.values());
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
