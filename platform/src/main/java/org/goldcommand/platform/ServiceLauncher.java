package org.goldcommand.platform;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service as its own process, the same way for every service: a metrics registry tagged
 * with its name, a Vert.x instance reporting into it, a shutdown hook that stops the service before
 * Vert.x, and exit status 1 if it cannot start (so a container orchestrator restarts it).
 */
public final class ServiceLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  private ServiceLauncher() {}

  /** Creates the service with its registry and Vert.x instance, and starts it. */
  public static void launch(String name, BiFunction<Vertx, PrometheusMeterRegistry, RunningService> factory) {
    PrometheusMeterRegistry registry = Observability.registry(name);
    Vertx vertx = Observability.vertx(registry);
    RunningService service;
    try {
      service = factory.apply(vertx, registry);
    } catch (RuntimeException e) {
      LOG.error("{} could not be assembled", name, e);
      vertx.close();
      exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      vertx.close().await();
    }, name + "-shutdown"));
    service.start()
        .onSuccess(started -> LOG.info("{} running on port {}", name, service.port()))
        .onFailure(error -> {
          LOG.error("{} failed to start", name, error);
          exit(1);
        });
  }

  /**
   * Exits from a thread of its own: the shutdown hook waits for Vert.x to close, which needs the
   * event loop this may be called from.
   */
  private static void exit(int status) {
    new Thread(() -> System.exit(status), "exit").start();
  }
}
