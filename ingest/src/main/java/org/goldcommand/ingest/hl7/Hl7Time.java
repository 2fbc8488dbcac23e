package org.goldcommand.ingest.hl7;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HL7 v2 timestamps (TS/DTM: {@code YYYYMMDDHHMM[SS[.S[S[S[S]]]]][+/-ZZZZ]}). A bed movement
 * needs at least the minute; a value with an offset is exact, one without is wall-clock time in
 * the sender's zone (Europe/London for NHS feeds, including the clock changes).
 */
final class Hl7Time {

  /** Where NHS systems keep their wall clocks. */
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final Pattern TS = Pattern.compile(
      "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,4}))?)?(?:([+-])(\\d{2})(\\d{2}))?");

  private Hl7Time() {}

  /** The instant a timestamp names, or empty when it is not a timestamp precise to the minute. */
  static Optional<Instant> parse(String value, ZoneId zone) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = TS.matcher(value.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDateTime local = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5),
          m.group(6) == null ? 0 : number(m, 6), nanos(m.group(7)));
      if (m.group(8) == null) {
        return Optional.of(local.atZone(zone).toInstant());
      }
      int sign = m.group(8).equals("-") ? -1 : 1;
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * number(m, 9), sign * number(m, 10));
      return Optional.of(local.toInstant(offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Integer.parseInt((fraction + "000000000").substring(0, 9));
  }
}
