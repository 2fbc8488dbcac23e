package org.goldcommand.ingest.hl7;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous stay reference: HMAC-SHA256 of the organisation and the PV1-19 visit number
 * under a secret only ingest holds, first 32 hex characters. Consumers can match an admission to
 * its transfer and discharge, but nobody without the secret can turn it back into a visit number
 * or test a guess; the organisation is part of the input so two trusts' equal visit numbers do
 * not collide.
 */
final class StayRef {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  StayRef(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The reference for a visit, or null when there is no visit number. */
  String of(String orgCode, String visitNumber) {
    if (visitNumber == null || visitNumber.isEmpty()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal((orgCode + "/" + visitNumber).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
