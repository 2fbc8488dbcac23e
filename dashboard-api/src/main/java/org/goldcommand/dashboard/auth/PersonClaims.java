package org.goldcommand.dashboard.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a person from a verified token's claims: {@code sub}, {@code name}, {@code roles}
 * (codes such as {@code system-lead}), {@code systems} and {@code sites} (codes, {@code "*"} for
 * all) and {@code exp}. A token without a subject, a known role or an expiry, or with claims of the
 * wrong shape, is refused as a whole, naming the claim, so a misconfigured identity provider is
 * found at the first request. A token with neither systems nor sites is accepted and sees nothing.
 */
public final class PersonClaims {

  private PersonClaims() {}

  /** The person these claims describe. */
  public static Person from(JsonObject claims) {
    List<String> problems = new ArrayList<>();
    String subject = claims.getValue("sub") instanceof String s && !s.isBlank() ? s : null;
    if (subject == null) {
      problems.add("sub: missing");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String code : codes(claims, "roles", problems)) {
      Role.of(code).ifPresentOrElse(roles::add, () -> problems.add("roles: unknown role '" + code + "'"));
    }
    if (roles.isEmpty() && problems.isEmpty()) {
      problems.add("roles: at least one of viewer, system-lead, pharmacist, feed-admin, admin");
    }
    Set<String> systems = codes(claims, "systems", problems);
    Set<String> sites = codes(claims, "sites", problems);
    Object exp = claims.getValue("exp");
    if (!(exp instanceof Number)) {
      problems.add("exp: missing");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("The token's claims are not usable: " + String.join("; ", problems));
    }
    String name = claims.getValue("name") instanceof String n && !n.isBlank() ? n : subject;
    return new Person(subject, name, roles, Scope.of(systems, sites), Instant.ofEpochSecond(((Number) exp).longValue()));
  }

  private static Set<String> codes(JsonObject claims, String claim, List<String> problems) {
    Object value = claims.getValue(claim);
    Set<String> codes = new LinkedHashSet<>();
    if (value == null) {
      return codes;
    }
    if (!(value instanceof JsonArray array)) {
      problems.add(claim + ": must be a list of codes");
      return codes;
    }
    for (Object item : array) {
      if (item instanceof String code && !code.isBlank()) {
        codes.add(code);
      } else {
        problems.add(claim + ": every entry must be a code");
      }
    }
    return codes;
  }

  /** The claims a token for this person carries (the inverse of {@link #from}, without {@code exp}). */
  public static JsonObject of(String id, String name, Set<Role> roles, Set<String> systems, Set<String> sites) {
    return new JsonObject().put("sub", id).put("name", name)
        .put("roles", new JsonArray(roles.stream().map(Role::code).sorted().toList()))
        .put("systems", new JsonArray(List.copyOf(systems)))
        .put("sites", new JsonArray(List.copyOf(sites)));
  }
}
