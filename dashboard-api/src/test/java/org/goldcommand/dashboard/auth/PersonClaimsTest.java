package org.goldcommand.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonClaimsTest {

  static JsonObject claims() {
    return PersonClaims.of("lead-1", "Sam Okafor", Set.of(Role.SYSTEM_LEAD), Set.of("QE1"), Set.of())
        .put("exp", 1_800_000_000L);
  }

  @Test
  void claimsSayWhoWhatAndWhere() {
    Person person = PersonClaims.from(claims());
    assertThat(person.id()).isEqualTo("lead-1");
    assertThat(person.name()).isEqualTo("Sam Okafor");
    assertThat(person.roles()).containsExactly(Role.SYSTEM_LEAD);
    assertThat(person.scope().coversSystem("QE1")).isTrue();
    assertThat(person.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    assertThat(person.roleCodes()).isEqualTo("system-lead");
  }

  @Test
  void aStarMeansEverywhere() {
    Person admin = PersonClaims.from(claims().put("roles", new JsonArray().add("admin"))
        .put("systems", new JsonArray().add("*")));
    assertThat(admin.scope().everywhere()).isTrue();
  }

  @Test
  void unusableClaimsAreRefusedNamingEachOne() {
    assertThatThrownBy(() -> PersonClaims.from(claims().put("roles", new JsonArray().add("superuser"))))
        .hasMessageContaining("roles: unknown role 'superuser'");
    assertThatThrownBy(() -> PersonClaims.from(claims().put("roles", new JsonArray())))
        .hasMessageContaining("roles: at least one");
    JsonObject noSubject = claims();
    noSubject.remove("sub");
    noSubject.remove("exp");
    assertThatThrownBy(() -> PersonClaims.from(noSubject)).hasMessageContaining("sub: missing")
        .hasMessageContaining("exp: missing");
    assertThatThrownBy(() -> PersonClaims.from(claims().put("systems", "QE1")))
        .hasMessageContaining("systems: must be a list");
  }

  @Test
  void withoutANameTheSubjectIsShown() {
    JsonObject unnamed = claims();
    unnamed.remove("name");
    assertThat(PersonClaims.from(unnamed).name()).isEqualTo("lead-1");
  }
}
