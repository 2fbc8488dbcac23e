package org.goldcommand.dashboard.api;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.history.HistoryRepository;

/**
 * The span of time a history request asks for, {@code [from, to)}, and for charts the bucket
 * length, with the defaults the wall relies on (the last 24 hours in 15-minute buckets). The
 * contract has already checked the parameters' form; this checks what a schema cannot: that each
 * is a usable instant or duration, that {@code from} is before {@code to}, and that the buckets are
 * neither finer than a minute nor more than {@link HistoryRepository#MAX_BUCKETS} in number, so a
 * mistaken request is refused naming the parameter instead of reaching the database.
 *
 * @param from start, inclusive
 * @param to end, exclusive
 * @param bucket bucket length (the default when the request is not bucketed)
 */
record HistoryRange(Instant from, Instant to, Duration bucket) {

  /** How far back a range reaches when {@code from} is not given. */
  static final Duration DEFAULT_SPAN = Duration.ofHours(24);

  /** The bucket when none is given. */
  static final Duration DEFAULT_BUCKET = Duration.ofMinutes(15);

  /** The finest bucket a chart may ask for. */
  static final Duration SHORTEST_BUCKET = Duration.ofMinutes(1);

  /**
   * A parsed request: the range, or why there is none.
   *
   * @param range the range (null when there are violations)
   * @param violations each unusable parameter
   */
  record Parsed(HistoryRange range, List<Violation> violations) {}

  /** The range of a request's {@code from}, {@code to} and, when bucketed, {@code bucket}. */
  static Parsed parse(MultiMap query, Instant now, boolean bucketed) {
    List<Violation> violations = new ArrayList<>();
    Instant to = instant(query.get("to"), "to", now, violations);
    Instant from = instant(query.get("from"), "from", to == null ? null : to.minus(DEFAULT_SPAN), violations);
    Duration bucket = bucketed ? bucket(query.get("bucket"), violations) : DEFAULT_BUCKET;
    if (from != null && to != null && !from.isBefore(to)) {
      violations.add(new Violation("from", "must be before to (" + to + ")"));
    } else if (from != null && to != null && bucketed && bucket != null
        && Duration.between(from, to).dividedBy(bucket) > HistoryRepository.MAX_BUCKETS) {
      violations.add(new Violation("bucket", "more than " + HistoryRepository.MAX_BUCKETS + " buckets of " + bucket
          + " from " + from + " to " + to + "; use a longer bucket or a shorter range"));
    }
    return violations.isEmpty() ? new Parsed(new HistoryRange(from, to, bucket), List.of())
        : new Parsed(null, List.copyOf(violations));
  }

  private static Instant instant(String text, String name, Instant fallback, List<Violation> violations) {
    if (text == null) {
      return fallback;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      violations.add(new Violation(name, "an ISO-8601 instant with its offset, for example 2026-11-26T08:00:00Z"));
      return null;
    }
  }

  private static Duration bucket(String text, List<Violation> violations) {
    if (text == null) {
      return DEFAULT_BUCKET;
    }
    try {
      Duration bucket = Duration.parse(text);
      if (bucket.compareTo(SHORTEST_BUCKET) < 0) {
        violations.add(new Violation("bucket", "at least " + SHORTEST_BUCKET));
        return null;
      }
      return bucket;
    } catch (DateTimeParseException e) {
      violations.add(new Violation("bucket", "an ISO-8601 duration in days, hours, minutes or seconds, "
          + "for example PT15M, PT1H or P1D"));
      return null;
    }
  }
}
