package org.goldcommand.events.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import org.goldcommand.events.Envelope;

/**
 * Writes an envelope around a payload that is already serialised, so a producer that needs the
 * payload's bytes anyway (for a content hash, say) serialises it once rather than twice. The
 * result is byte for byte what {@link JsonSerde#envelopeOf(Class)} writes for the same envelope:
 * the attributes are written by the same mapper with no payload ({@code data} is the last
 * property, and a null one is left out), and {@code "data":} and the payload's bytes, written by
 * {@link #payload(Object)} with that same mapper, take the closing brace's place.
 */
public final class EnvelopeBytes {

  private static final ObjectWriter WRITER = Json.mapper().writer();
  private static final byte[] DATA = ",\"data\":".getBytes(StandardCharsets.US_ASCII);

  private EnvelopeBytes() {}

  /** The payload as every topic writes it: {@code Json.mapper().writeValueAsBytes(value)}. */
  public static byte[] payload(Object value) throws JsonProcessingException {
    return WRITER.writeValueAsBytes(value);
  }

  /**
   * The envelope as its topic's serde writes it, with {@code data} already serialised by
   * {@link #payload(Object)}; {@code envelope.data()} itself is not read again.
   */
  public static byte[] envelope(Envelope<?> envelope, byte[] data) throws JsonProcessingException {
    byte[] head = WRITER.writeValueAsBytes(new Envelope<>(envelope.specVersion(), envelope.id(), envelope.source(),
        envelope.type(), envelope.subject(), envelope.time(), envelope.receivedAt(), envelope.dataContentType(), null));
    if (data == null) {
      return head;
    }
    int open = head.length - 1;
    if (head[open] != '}') {
      throw new IllegalStateException("An envelope without data did not end with '}'");
    }
    byte[] out = new byte[open + DATA.length + data.length + 1];
    System.arraycopy(head, 0, out, 0, open);
    System.arraycopy(DATA, 0, out, open, DATA.length);
    System.arraycopy(data, 0, out, open + DATA.length, data.length);
    out[out.length - 1] = '}';
    return out;
  }
}
