package org.goldcommand.ingest.hl7;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HL7 v2 beds feed: an MLLP server (default port 2575) that takes ADT A01, A02, A03, A08, A11,
 * A12 and A13 from registered senders, maps each to a bed event with no patient identifier on
 * {@code feeds.bed-event.v1}, and acknowledges each message with AA only once Kafka has it: AE or
 * AR, with the reason, otherwise. A trust's patient administration system or interface engine
 * connects to it as it would to any MLLP receiver (see {@code docs/hl7.md}).
 */
public final class Hl7Listener {

  private static final Logger LOG = LoggerFactory.getLogger(Hl7Listener.class);
  /** How many control ids are remembered for answering re-sends without storing them twice. */
  private static final int REMEMBERED_MESSAGES = 50_000;

  private final Vertx vertx;
  private final Hl7Config config;
  private final AdtMapper mapper;
  private final AdtHandler handler;
  private NetServer server;

  /**
   * A listener producing through ingest's producer. Fails if a sender registration names an
   * organisation or site the reference data does not have, or a site of another organisation.
   */
  public Hl7Listener(Vertx vertx, Hl7Config config, FeedProducer producer, ReferenceData reference,
      Hl7Senders senders, MeterRegistry registry) {
    this(vertx, config, new KafkaOutbox(vertx, producer), reference, senders, registry, Clock.systemUTC());
  }

  Hl7Listener(Vertx vertx, Hl7Config config, Hl7Outbox outbox, ReferenceData reference, Hl7Senders senders,
      MeterRegistry registry, Clock clock) {
    List<String> problems = senders.problems(reference);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("HL7 sender registrations do not match the reference data: "
          + String.join("; ", problems));
    }
    this.vertx = vertx;
    this.config = config;
    this.mapper = new AdtMapper(reference, new StayRef(config.stayRefSecret()), clock);
    this.handler = new AdtHandler(vertx, senders, mapper, outbox, new RecentMessages(REMEMBERED_MESSAGES), registry,
        clock);
  }

  /** Binds the port; completes with the port bound (useful when configured as 0). */
  public Future<Integer> start() {
    server = vertx.createNetServer(new NetServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setTcpKeepAlive(true));
    server.connectHandler(this::accept);
    return server.listen().map(NetServer::actualPort)
        .onSuccess(port -> LOG.info("HL7 MLLP listener on {}:{}", config.host(), port));
  }

  /** The bound port; valid once {@link #start()} has completed. */
  public int port() {
    return server.actualPort();
  }

  /** Stops listening and drops open connections; messages not yet acknowledged will be re-sent by their senders. */
  public Future<Void> close() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.andThen(ignored -> {
      try {
        mapper.close();
      } catch (IOException e) {
        LOG.debug("Closing the HL7 parser context: {}", e.toString());
      }
    });
  }

  private void accept(NetSocket socket) {
    InetAddress remote = address(socket);
    LOG.debug("MLLP connection from {}", remote.getHostAddress());
    MllpConnection.serve(socket, config.maxMessageBytes(), event -> handler.handle(event, remote));
  }

  private static InetAddress address(NetSocket socket) {
    String host = socket.remoteAddress() == null ? null : socket.remoteAddress().hostAddress();
    try {
      // A literal address: no DNS lookup is made.
      return host == null ? InetAddress.getByAddress(new byte[4]) : InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Unreadable peer address " + host, e);
    }
  }
}
