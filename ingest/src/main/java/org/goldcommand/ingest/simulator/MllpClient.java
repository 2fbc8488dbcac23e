package org.goldcommand.ingest.simulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The sending end of an HL7 v2 MLLP connection, as a patient administration system keeps one open
 * to its interface engine: each message goes framed as {@code 0x0B message 0x1C 0x0D}, and the
 * next message waits for its acknowledgement, framed the same way.
 */
final class MllpClient implements AutoCloseable {

  static final int START_BLOCK = 0x0B;
  static final int END_BLOCK = 0x1C;
  static final int CARRIAGE_RETURN = 0x0D;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  MllpClient(String host, int port, Duration timeout) throws IOException {
    socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      out = socket.getOutputStream();
      in = socket.getInputStream();
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends one message and answers the acknowledgement's text. */
  String send(String message) throws IOException {
    out.write(START_BLOCK);
    out.write(message.getBytes(StandardCharsets.UTF_8));
    out.write(END_BLOCK);
    out.write(CARRIAGE_RETURN);
    out.flush();
    int b = in.read();
    while (b != START_BLOCK) {
      if (b < 0) {
        throw new EOFException("The listener closed the connection before acknowledging");
      }
      b = in.read();
    }
    ByteArrayOutputStream ack = new ByteArrayOutputStream();
    for (b = in.read(); b != END_BLOCK; b = in.read()) {
      if (b < 0) {
        throw new EOFException("The acknowledgement was cut short");
      }
      ack.write(b);
    }
    if (in.read() != CARRIAGE_RETURN) {
      throw new IOException("The acknowledgement's frame does not end with a carriage return");
    }
    return ack.toString(StandardCharsets.UTF_8);
  }

  /** The acknowledgement code (MSA-1: AA, AE, AR, CA, CE or CR) of an ACK, or empty when it has none. */
  static String ackCode(String ack) {
    for (String segment : ack.split("[\r\n]+")) {
      if (segment.startsWith("MSA")) {
        String[] fields = segment.split("\\|", -1);
        return fields.length > 1 ? fields[1] : "";
      }
    }
    return "";
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
