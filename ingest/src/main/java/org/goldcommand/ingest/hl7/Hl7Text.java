package org.goldcommand.ingest.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a frame's bytes into the text HAPI reads: UTF-8 when the bytes are valid UTF-8, otherwise
 * ISO-8859-1 (what older UK PAS systems send); segments separated by CR whichever of CR, LF or CRLF
 * the sender used, with blank lines and surrounding whitespace dropped.
 */
final class Hl7Text {

  private Hl7Text() {}

  /** The message's segments, in order, without separators. */
  static List<String> segments(byte[] frame) {
    String text = decode(frame);
    List<String> segments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\r' || text.charAt(i) == '\n') {
        String segment = text.substring(start, i).strip();
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
        start = i + 1;
      }
    }
    return segments;
  }

  /** The segments joined the way HL7 separates them. */
  static String join(List<String> segments) {
    return String.join("\r", segments) + "\r";
  }

  private static String decode(byte[] frame) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(frame))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return new String(frame, StandardCharsets.ISO_8859_1);
    }
  }
}
