package org.goldcommand.streams;

import org.goldcommand.platform.ServiceLauncher;
import org.goldcommand.platform.Settings;

/** Runs the streams service on its own, as its container image does. */
public final class StreamsMain {

  private StreamsMain() {}

  public static void main(String[] args) {
    StreamsServiceConfig config = StreamsServiceConfig.from(Settings.fromEnvironment());
    ServiceLauncher.launch("streams", (vertx, registry) -> new StreamsService(vertx, config, registry));
  }
}
