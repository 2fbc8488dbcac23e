package org.goldcommand.dashboard;

import org.goldcommand.platform.ServiceLauncher;
import org.goldcommand.platform.Settings;

/** Runs dashboard-api on its own, as its container image does. */
public final class DashboardMain {

  private DashboardMain() {}

  public static void main(String[] args) {
    DashboardConfig config = DashboardConfig.from(Settings.fromEnvironment());
    ServiceLauncher.launch("dashboard-api", (vertx, registry) -> new DashboardService(vertx, config, registry));
  }
}
