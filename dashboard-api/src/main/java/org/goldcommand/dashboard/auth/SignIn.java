package org.goldcommand.dashboard.auth;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in arrangement a deployment has: the verifier every request goes through, fed either by
 * the identity provider's JWKS or, in the demo, by the local issuer's own key.
 */
public final class SignIn implements AutoCloseable {

  private final AuthSettings settings;
  private TokenVerifier verifier;
  private Optional<LocalIssuer> issuer = Optional.empty();
  private JwksSource jwks;

  public SignIn(AuthSettings settings) {
    this.settings = settings;
  }

  /** Makes the verifier and starts loading its keys. */
  public void start(Vertx vertx) {
    verifier = new TokenVerifier(vertx, settings.issuer(), settings.audience());
    if (settings.localIssuer()) {
      LocalIssuer local = new LocalIssuer(vertx);
      verifier.useKeys(List.of(local.publicJwk()));
      issuer = Optional.of(local);
    } else {
      jwks = new JwksSource(vertx, settings.jwksUrl(), settings.jwksRefresh(), verifier);
      jwks.start();
    }
  }

  /** Checks every token. */
  public TokenVerifier verifier() {
    return verifier;
  }

  /** The {@code /auth} routes for this arrangement. */
  public AuthRoutes routes(Vertx vertx) {
    return new AuthRoutes(vertx, settings, issuer, DemoUsers.load(), Clock.systemUTC());
  }

  /** Whether tokens can be checked (the keys are loaded). */
  public boolean ready() {
    return verifier != null && verifier.hasKeys();
  }

  @Override
  public void close() {
    if (jwks != null) {
      jwks.close();
    }
  }
}
