package org.goldcommand.dashboard.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: HMAC-SHA256 with the subscription's secret over
 * {@code <unix seconds>.<body>}, sent as {@code X-GoldCommand-Signature: t=<unix seconds>,v1=<hex>}.
 * Signing the time with the body lets a receiver refuse a captured request replayed later (it
 * checks that {@code t} is recent) as well as a forged one; the {@code v1} label leaves room for
 * another scheme without breaking receivers.
 */
public final class WebhookSignature {

  /** The header carrying the signature. */
  public static final String HEADER = "X-GoldCommand-Signature";

  private WebhookSignature() {}

  /** The header value for a body sent at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
  }

  /** Whether a header value is a valid signature of the body with the secret (constant time). */
  public static boolean verify(String secret, String header, String body) {
    String t = null;
    String v1 = null;
    for (String part : header == null ? new String[0] : header.split(",")) {
      if (part.startsWith("t=")) {
        t = part.substring(2);
      } else if (part.startsWith("v1=")) {
        v1 = part.substring(3);
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    byte[] expected = hmacHex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
  }

  /** HMAC-SHA256 of the message with the key, as lower-case hex. */
  public static String hmacHex(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
