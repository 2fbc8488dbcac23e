package org.goldcommand.history;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import javax.sql.DataSource;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the history sink on its own, as its container image does: migrates the database, then
 * copies the topics into it, with {@code /metrics}, {@code /health} and {@code /ready} beside it.
 */
public final class HistorySinkMain {

  private static final Logger LOG = LoggerFactory.getLogger(HistorySinkMain.class);

  private HistorySinkMain() {}

  public static void main(String[] args) {
    HistorySinkConfig config = HistorySinkConfig.from(Settings.fromEnvironment());
    DataSource dataSource = HistoryDatabase.dataSource(config.jdbcUrl(), config.user(), config.password());
    int applied = new HistoryDatabase(dataSource).migrate();
    LOG.info("History database migrated ({} new migrations)", applied);
    PrometheusMeterRegistry registry = Observability.registry("history-sink");
    Vertx vertx = Observability.vertx(registry);
    HistorySink sink = new HistorySink(config.kafkaBootstrap(), dataSource, config.groupId());
    sink.bindTo(registry);
    sink.start();
    OpsRoutes ops = new OpsRoutes("history-sink").readyWhen("sink", sink::isRunning);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sink.close();
      vertx.close().await();
    }, "history-shutdown"));
    vertx.createHttpServer().requestHandler(ops.router(vertx, registry)).listen(config.port())
        .onSuccess(s -> LOG.info("History sink running; ops endpoints on port {}", s.actualPort()))
        .onFailure(error -> {
          LOG.error("History sink failed to start", error);
          System.exit(1);
        });
  }
}
