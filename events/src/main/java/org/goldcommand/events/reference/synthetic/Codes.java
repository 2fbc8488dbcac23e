package org.goldcommand.events.reference.synthetic;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Draws made-up codes that look like ODS codes (a letter, then letters or digits) and are never
 * handed out twice, so synthetic reference data always loads: reference data refuses a repeated
 * organisation or site code.
 */
final class Codes {

  static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static final String DIGITS = "0123456789";

  private final Random random;
  private final Set<String> issued = new HashSet<>();

  Codes(Random random) {
    this.random = random;
  }

  /** A code not issued before: the prefix and {@code length} characters drawn from the alphabet. */
  String next(String prefix, int length, String alphabet) {
    double space = Math.pow(alphabet.length(), length);
    for (int attempt = 0; attempt < 10_000; attempt++) {
      StringBuilder code = new StringBuilder(prefix);
      for (int i = 0; i < length; i++) {
        code.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (issued.add(code.toString())) {
        return code.toString();
      }
    }
    throw new IllegalStateException("No unused code left after " + prefix + " (" + (long) space + " possible)");
  }
}
