package org.goldcommand.history;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import javax.sql.DataSource;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.RunningService;
import org.goldcommand.platform.ServiceRouter;

/**
 * The history sink as a service: migrates the database (off the event loop), then copies the
 * topics into it, with {@code /metrics}, {@code /health} and {@code /ready} beside it. Ready while
 * the sink's loop is running.
 */
public final class HistorySinkService implements RunningService {

  private final Vertx vertx;
  private final HistorySinkConfig config;
  private final PrometheusMeterRegistry registry;
  private final DataSource dataSource;
  private final HistorySink sink;
  private HttpServer server;

  public HistorySinkService(Vertx vertx, HistorySinkConfig config, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    this.dataSource = HistoryDatabase.dataSource(config.jdbcUrl(), config.user(), config.password());
    this.sink = new HistorySink(config.kafkaBootstrap(), dataSource, config.groupId());
    sink.bindTo(registry);
  }

  @Override
  public Future<HttpServer> start() {
    OpsRoutes ops = new OpsRoutes("history-sink").readyWhen("sink", sink::isRunning);
    return vertx.executeBlocking(() -> new HistoryDatabase(dataSource).migrate(), false)
        .onSuccess(applied -> sink.start())
        .compose(applied -> vertx.createHttpServer().requestHandler(ServiceRouter.create(vertx, ops, registry))
            .listen(config.port(), config.host()))
        .onSuccess(s -> server = s);
  }

  @Override
  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    sink.close();
  }
}
