package org.goldcommand.events.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.goldcommand.events.Envelope;

/**
 * Writes an envelope around a payload that is already serialised, so a producer that needs the
 * payload's bytes anyway (for a content hash, say) serialises it once rather than twice. The
 * result is byte for byte what {@link JsonSerde#envelopeOf(Class)} writes for the same envelope:
 * the attributes in the order of {@link Envelope}'s components, null ones left out, by a generator
 * of the shared mapper's own factory (so strings are escaped alike), instants as
 * {@link Instant#toString()} (the ISO-8601 form the mapper writes), and last {@code "data":} and
 * the payload's bytes, written by {@link #payload(Object)} with that same mapper.
 */
public final class EnvelopeBytes {

  private static final ObjectWriter WRITER = Json.mapper().writer();
  private static final JsonFactory FACTORY = Json.mapper().getFactory();
  private static final byte[] DATA = ",\"data\":".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<RecentInstants> RECENT = ThreadLocal.withInitial(RecentInstants::new);

  private EnvelopeBytes() {}

  /** The payload as every topic writes it: {@code Json.mapper().writeValueAsBytes(value)}. */
  public static byte[] payload(Object value) throws JsonProcessingException {
    return WRITER.writeValueAsBytes(value);
  }

  /**
   * The envelope as its topic's serde writes it, with {@code data} already serialised by
   * {@link #payload(Object)} ({@code null} for an envelope without data); {@code envelope.data()}
   * itself is not read.
   */
  public static byte[] envelope(Envelope<?> envelope, byte[] data) throws IOException {
    RecentInstants recent = RECENT.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream(320 + (data == null ? 0 : data.length));
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      g.writeStartObject();
      field(g, "specversion", envelope.specVersion());
      field(g, "id", envelope.id());
      field(g, "source", envelope.source());
      field(g, "type", envelope.type());
      field(g, "subject", envelope.subject());
      field(g, "time", recent.text(0, envelope.time()));
      field(g, "receivedat", recent.text(1, envelope.receivedAt()));
      field(g, "datacontenttype", envelope.dataContentType());
    }
    if (data != null) {
      out.write(DATA);
      out.write(data);
    }
    out.write('}');
    return out.toByteArray();
  }

  private static void field(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /** The text of the instants last written in each slot: a batch's records mostly share them. */
  private static final class RecentInstants {
    private final Instant[] instants = new Instant[2];
    private final String[] texts = new String[2];

    String text(int slot, Instant instant) {
      if (instant == null) {
        return null;
      }
      if (!instant.equals(instants[slot])) {
        instants[slot] = instant;
        texts[slot] = instant.toString();
      }
      return texts[slot];
    }
  }
}
