package org.goldcommand.dashboard.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The demo profile's own token issuer: an RS256 key pair made at start (never stored, so a restart
 * signs everyone out) that signs tokens for the demo people. Its public key is served as a JWKS
 * like any identity provider's, and tokens are checked by the same {@link TokenVerifier} a
 * production deployment uses, so the demo exercises the real path. It exists only in the demo
 * profile; production start-up refuses it.
 */
public final class LocalIssuer {

  /** The {@code iss} of locally issued tokens. */
  public static final String ISSUER = "gold-command-demo";

  private final JsonObject publicJwk;
  private final JWTAuth signer;

  public LocalIssuer(Vertx vertx) {
    KeyPair pair = rsaKeyPair();
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
    String kid = "demo-" + UUID.randomUUID();
    this.publicJwk = new JsonObject().put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
        .put("n", base64(publicKey.getModulus())).put("e", base64(publicKey.getPublicExponent()));
    JsonObject privateJwk = publicJwk.copy()
        .put("d", base64(privateKey.getPrivateExponent()))
        .put("p", base64(privateKey.getPrimeP())).put("q", base64(privateKey.getPrimeQ()))
        .put("dp", base64(privateKey.getPrimeExponentP())).put("dq", base64(privateKey.getPrimeExponentQ()))
        .put("qi", base64(privateKey.getCrtCoefficient()));
    this.signer = JWTAuth.create(vertx, new JWTAuthOptions().addJwk(privateJwk));
  }

  /** The public key as a JWK, for {@link TokenVerifier} and for {@code /auth/jwks.json}. */
  public JsonObject publicJwk() {
    return publicJwk.copy();
  }

  /**
   * A signed token carrying these claims (see {@link PersonClaims#of}), for this audience, that
   * expires at {@code expiresAt} (which may be in the past, to test refusal).
   */
  public String issue(JsonObject claims, String audience, Instant expiresAt) {
    JsonObject payload = claims.copy().put("iss", ISSUER).put("aud", audience)
        .put("iat", Instant.now().getEpochSecond()).put("exp", expiresAt.getEpochSecond());
    return signer.generateToken(payload, new JWTOptions().setAlgorithm("RS256").setNoTimestamp(true)
        .setHeader(new JsonObject().put("kid", publicJwk.getString("kid"))));
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM cannot make RSA keys", e);
    }
  }

  private static String base64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] unsigned = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
  }
}
