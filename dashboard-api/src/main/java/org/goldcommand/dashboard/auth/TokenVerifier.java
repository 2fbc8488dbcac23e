package org.goldcommand.dashboard.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;

/**
 * Checks a bearer token and says who it belongs to: an RS256 signature by one of the identity
 * provider's current keys, the expected issuer and audience, not expired (30 s of clock leeway),
 * and claims that say who and where ({@link PersonClaims}). Keys are replaced as a whole when the
 * JWKS is refreshed, so a rotated key is accepted as soon as it is published.
 */
public final class TokenVerifier {

  /** Clock difference allowed between the identity provider and this server. */
  public static final int LEEWAY_SECONDS = 30;

  private final Vertx vertx;
  private final String issuer;
  private final String audience;
  private volatile JWTAuth keys;

  public TokenVerifier(Vertx vertx, String issuer, String audience) {
    this.vertx = vertx;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** Uses these JWKs (RSA public keys with {@code kid}) from now on. */
  public void useKeys(List<JsonObject> jwks) {
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(new JWTOptions().setIssuer(issuer)
        .setAudience(List.of(audience)).setLeeway(LEEWAY_SECONDS));
    jwks.stream().filter(k -> "RSA".equals(k.getString("kty")) && !"enc".equals(k.getString("use")))
        .forEach(k -> options.addJwk(k.copy().put("alg", "RS256")));
    keys = JWTAuth.create(vertx, options);
  }

  /** Whether keys have been loaded, so tokens can be checked at all. */
  public boolean hasKeys() {
    return keys != null;
  }

  /** The person the token is for; fails with a message fit for the 401 answer. */
  public Future<Person> verify(String token) {
    JWTAuth current = keys;
    if (current == null) {
      return Future.failedFuture(new IllegalStateException("Token keys are not loaded yet; retry shortly"));
    }
    return current.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new IllegalArgumentException(reason(e))))
        .map(user -> PersonClaims.from(claims(user)));
  }

  /** Every claim of the token: Vert.x keeps {@code exp} and {@code iat} among the user's attributes. */
  private static JsonObject claims(User user) {
    JsonObject decoded = user.attributes().getJsonObject("accessToken");
    return decoded != null ? decoded : user.principal().copy().put("exp", user.attributes().getValue("exp"));
  }

  private static String reason(Throwable e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("xpired")) {
      return "The token has expired; sign in again";
    }
    if (message.contains("issuer") || message.contains("iss")) {
      return "The token was issued by someone else";
    }
    if (message.contains("audience") || message.contains("aud")) {
      return "The token is for another service";
    }
    return "The token is not valid: " + message;
  }
}
