package org.goldcommand.platform;

import io.vertx.core.Future;

/** A Gold Command service that can be started on a Vert.x instance and stopped cleanly. */
public interface RunningService extends AutoCloseable {

  /** Starts the service; completes once it serves its port. */
  Future<?> start();

  /** The port it serves (its operational endpoints at least). */
  int port();

  /** Stops it, releasing its Kafka and database clients. */
  @Override
  void close();
}
