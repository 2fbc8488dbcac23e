package org.goldcommand.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed settings from environment variables, collecting every problem instead of stopping at
 * the first, so an operator fixes a bad deployment in one pass. Each service builds its own config
 * record from one of these and calls {@link #validate()} before starting anything.
 *
 * <p>Every variable is documented in {@code docs/configuration.md}.
 */
public final class Settings {

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  public Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Settings from the process environment. */
  public static Settings fromEnvironment() {
    return new Settings(System.getenv());
  }

  /** A text value, or the default when unset or blank. */
  public String text(String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** A whole number within bounds, or the default when unset. */
  public int integer(String name, int fallback, int min, int max) {
    return parse(name, fallback, Integer::parseInt, v -> v >= min && v <= max, "a whole number from " + min + " to " + max);
  }

  /** A TCP port (0 picks a free one). */
  public int port(String name, int fallback) {
    return integer(name, fallback, 0, 65_535);
  }

  /** A yes/no setting: true, false, yes, no, on, off, 1 or 0. */
  public boolean flag(String name, boolean fallback) {
    return parse(name, fallback, v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on", "1" -> Boolean.TRUE;
      case "false", "no", "off", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(v);
    }, v -> true, "true or false");
  }

  /** One of an enum's constants, case-insensitive. */
  public <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
    return parse(name, fallback, v -> Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT)), v -> true,
        "one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  /** Records a problem found by a check the caller made across several settings. */
  public void problem(String message) {
    problems.add(message);
  }

  /** Throws with every problem found so far, if any. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
  }

  private <T> T parse(String name, T fallback, Function<String, T> parser, java.util.function.Predicate<T> ok, String expected) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      T value = parser.apply(raw.trim());
      if (ok.test(value)) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the expected form
    }
    problems.add(name + "=" + raw + " is not " + expected);
    return fallback;
  }

  /** Thrown at start-up when configuration is unusable; lists every problem. */
  public static final class InvalidSettingsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    InvalidSettingsException(List<String> problems) {
      super("Invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
  }
}
