package org.goldcommand.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

  static Vertx vertx;
  static LocalIssuer issuer;
  static TokenVerifier verifier;

  @BeforeAll
  static void keys() {
    vertx = Vertx.vertx();
    issuer = new LocalIssuer(vertx);
    verifier = new TokenVerifier(vertx, LocalIssuer.ISSUER, AuthSettings.DEFAULT_AUDIENCE);
    verifier.useKeys(List.of(issuer.publicJwk()));
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  static String token(Instant expiresAt, String audience) {
    return issuer.issue(PersonClaims.of("lead", "Sam Lead", Set.of(Role.SYSTEM_LEAD), Set.of("QE1"), Set.of()),
        audience, expiresAt);
  }

  @Test
  void aTokenFromTheIssuerSaysWhoWhatAndWhere() {
    Person person = verifier.verify(token(Instant.now().plusSeconds(600), AuthSettings.DEFAULT_AUDIENCE)).await();
    assertThat(person.id()).isEqualTo("lead");
    assertThat(person.name()).isEqualTo("Sam Lead");
    assertThat(person.roles()).containsExactly(Role.SYSTEM_LEAD);
    assertThat(person.scope().coversSystem("QE1")).isTrue();
    assertThat(person.may(Permission.ACT_ON_ALERTS)).isTrue();
    assertThat(person.may(Permission.READ_AUDIT)).isFalse();
  }

  @Test
  void expiredForeignAndMisaddressedTokensAreRefusedWithAReason() {
    assertThat(failure(token(Instant.now().minusSeconds(120), AuthSettings.DEFAULT_AUDIENCE))).contains("expired");
    assertThat(failure(token(Instant.now().plusSeconds(600), "another-service"))).contains("another service");
    LocalIssuer stranger = new LocalIssuer(vertx);
    String foreign = stranger.issue(PersonClaims.of("x", "X", Set.of(Role.ADMIN), Set.of("*"), Set.of()),
        AuthSettings.DEFAULT_AUDIENCE, Instant.now().plusSeconds(600));
    assertThat(failure(foreign)).isNotBlank();
    assertThat(failure("not.a.token")).isNotBlank();
  }

  static String failure(String token) {
    try {
      verifier.verify(token).await();
      return "";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
