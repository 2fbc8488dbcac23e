package org.goldcommand.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs dashboard-api on its own, as its container image does. */
public final class DashboardMain {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);

  private DashboardMain() {}

  public static void main(String[] args) {
    DashboardConfig config = DashboardConfig.from(Settings.fromEnvironment());
    PrometheusMeterRegistry registry = Observability.registry("dashboard-api");
    Vertx vertx = Observability.vertx(registry);
    DashboardService service = new DashboardService(vertx, config, registry);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      vertx.close().await();
    }, "dashboard-shutdown"));
    service.start()
        .onSuccess(id -> LOG.info("dashboard-api listening on port {}", service.port()))
        .onFailure(error -> {
          LOG.error("dashboard-api failed to start", error);
          System.exit(1);
        });
  }
}
