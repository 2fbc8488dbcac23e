package org.goldcommand.ingest.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain-socket MLLP sender, as a trust's interface engine would be: frame, send, wait for the ACK. */
final class MllpClient implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  MllpClient(int port) throws IOException {
    socket = new Socket("localhost", port);
    socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends one framed message and returns its acknowledgement. */
  String send(String message) throws IOException {
    return send(message.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one framed message (exact bytes) and returns its acknowledgement. */
  String send(byte[] message) throws IOException {
    write(frame(message));
    return readAck();
  }

  /** Writes bytes as they are, framed or not. */
  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads the next framed acknowledgement. */
  String readAck() throws IOException {
    int b;
    do {
      b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before an acknowledgement");
      }
    } while (b != MllpFramer.VT);
    ByteArrayOutputStream ack = new ByteArrayOutputStream();
    while ((b = in.read()) != MllpFramer.FS) {
      if (b < 0) {
        throw new IOException("connection closed inside an acknowledgement");
      }
      ack.write(b);
    }
    if (in.read() != MllpFramer.CR) {
      throw new IOException("acknowledgement not ended by <FS><CR>");
    }
    return ack.toString(StandardCharsets.UTF_8);
  }

  /** True when nothing arrives within the wait (the listener is still working on it). */
  boolean silentFor(Duration wait) throws IOException {
    int previous = socket.getSoTimeout();
    socket.setSoTimeout((int) wait.toMillis());
    try {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      throw new IllegalStateException("unexpected byte " + b);
    } catch (SocketTimeoutException expected) {
      return true;
    } finally {
      socket.setSoTimeout(previous);
    }
  }

  /** True once the listener has closed the connection (reads end), within the socket timeout. */
  boolean closedByPeer() throws IOException {
    try {
      return in.read() < 0;
    } catch (IOException reset) {
      return true;
    }
  }

  static byte[] frame(byte[] message) {
    byte[] framed = new byte[message.length + 3];
    framed[0] = MllpFramer.VT;
    System.arraycopy(message, 0, framed, 1, message.length);
    framed[framed.length - 2] = MllpFramer.FS;
    framed[framed.length - 1] = MllpFramer.CR;
    return framed;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
