package org.goldcommand.ingest.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The real-world-shaped ADT corpus in {@code src/test/resources/hl7/valid} and what each message must become. */
final class Corpus {

  private static final Pattern LINE = Pattern.compile("\r\n|\r|\n");

  private Corpus() {}

  /** One corpus message and the bed event it must produce. */
  record Case(String file, String facility, String controlId, String site, String ward, String bed,
      String previousWard, String movement, String patientClass, boolean stayRef, Instant at) {

    byte[] bytes() {
      return resource("hl7/valid/" + file);
    }

    /** The message with its control id replaced, so each run's ids are its own even on a long-lived broker. */
    byte[] bytesWithControlId(String newId) {
      return withControlId(bytes(), newId);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static List<Case> valid() {
    List<Case> cases = new ArrayList<>();
    for (String line : new String(resource("hl7/valid/expected.csv"), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      cases.add(new Case(f[0], f[1], f[2], f[3], f[4], blank(f[5]), blank(f[6]), f[7], blank(f[8]),
          f[9].equals("yes"), Instant.parse(f[10])));
    }
    return cases;
  }

  /** Every value in a message's PID segment (components and subcomponents) of four or more characters. */
  static Set<String> pidValues(byte[] message) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    return LINE.splitAsStream(text)
        .filter(segment -> segment.startsWith("PID|"))
        .flatMap(segment -> Arrays.stream(segment.substring(4).split("[|^~&]")))
        .map(value -> value.replaceAll("\\\\[A-Z]\\\\", " ").trim())
        .filter(value -> value.length() >= 4)
        .map(value -> new String(value.getBytes(StandardCharsets.ISO_8859_1), charsetOf(message)))
        .collect(Collectors.toSet());
  }

  /** MSH-10 of a message replaced. */
  static byte[] withControlId(byte[] message, String newId) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    int start = text.indexOf('|', 0);
    for (int field = 1; field < 9; field++) {
      start = text.indexOf('|', start + 1);
    }
    int end = text.indexOf('|', start + 1);
    return (text.substring(0, start + 1) + newId + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] resource(String name) {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.nio.charset.Charset charsetOf(byte[] message) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(message));
      return StandardCharsets.UTF_8;
    } catch (java.nio.charset.CharacterCodingException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  private static String blank(String value) {
    return value.isEmpty() ? null : value;
  }
}
