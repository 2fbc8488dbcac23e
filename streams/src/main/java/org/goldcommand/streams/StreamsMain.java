package org.goldcommand.streams;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the streams service on its own, as its container image does. */
public final class StreamsMain {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsMain.class);

  private StreamsMain() {}

  public static void main(String[] args) {
    StreamsServiceConfig config = StreamsServiceConfig.from(Settings.fromEnvironment());
    PrometheusMeterRegistry registry = Observability.registry("streams");
    Vertx vertx = Observability.vertx(registry);
    StreamsService service = new StreamsService(vertx, config, registry);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      vertx.close().await();
    }, "streams-shutdown"));
    service.start()
        .onSuccess(s -> LOG.info("Streams running; ops endpoints on port {}", service.port()))
        .onFailure(error -> {
          LOG.error("Streams failed to start", error);
          System.exit(1);
        });
  }
}
