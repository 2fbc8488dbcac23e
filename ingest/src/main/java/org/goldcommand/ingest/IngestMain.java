package org.goldcommand.ingest;

import org.goldcommand.platform.ServiceLauncher;
import org.goldcommand.platform.Settings;

/** Runs ingest on its own, as its container image does. */
public final class IngestMain {

  private IngestMain() {}

  public static void main(String[] args) {
    IngestConfig config = IngestConfig.from(Settings.fromEnvironment());
    ServiceLauncher.launch("ingest", (vertx, registry) -> new IngestService(vertx, config, registry));
  }
}
