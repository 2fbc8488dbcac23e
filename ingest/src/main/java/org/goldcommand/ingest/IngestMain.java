package org.goldcommand.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs ingest on its own, as its container image does. */
public final class IngestMain {

  private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

  private IngestMain() {}

  public static void main(String[] args) {
    IngestConfig config = IngestConfig.from(Settings.fromEnvironment());
    PrometheusMeterRegistry registry = Observability.registry("ingest");
    Vertx vertx = Observability.vertx(registry);
    IngestService service = new IngestService(vertx, config, registry);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      vertx.close().await();
    }, "ingest-shutdown"));
    service.start()
        .onSuccess(id -> LOG.info("Ingest listening on port {}", service.port()))
        .onFailure(error -> {
          LOG.error("Ingest failed to start", error);
          System.exit(1);
        });
  }
}
