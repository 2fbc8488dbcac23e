package org.goldcommand.history;

import org.goldcommand.platform.ServiceLauncher;
import org.goldcommand.platform.Settings;

/** Runs the history sink on its own, as its container image does. */
public final class HistorySinkMain {

  private HistorySinkMain() {}

  public static void main(String[] args) {
    HistorySinkConfig config = HistorySinkConfig.from(Settings.fromEnvironment());
    ServiceLauncher.launch("history-sink", (vertx, registry) -> new HistorySinkService(vertx, config, registry));
  }
}
