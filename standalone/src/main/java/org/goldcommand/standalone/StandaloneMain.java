package org.goldcommand.standalone;

import java.time.Duration;
import org.goldcommand.platform.Settings;

/**
 * The one command that runs Gold Command on this machine: starts everything, prints where to look
 * and how to submit, and stops cleanly on Ctrl-C.
 */
public final class StandaloneMain {

  private StandaloneMain() {}

  public static void main(String[] args) throws Exception {
    long begun = System.nanoTime();
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-standalone.xml");
    }
    StandaloneConfig config = StandaloneConfig.from(Settings.fromEnvironment());
    System.out.println("Gold Command: starting the embedded default (data in " + config.dataDir().toAbsolutePath()
        + ")...");
    Standalone standalone = Standalone.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Gold Command: stopping...");
      standalone.close();
      System.out.println("Gold Command: stopped. Data kept in " + config.dataDir().toAbsolutePath());
      // log4j2-standalone.xml disables log4j's own hook so the parts above can still log while stopping.
      org.apache.logging.log4j.LogManager.shutdown();
    }, "standalone-shutdown"));
    System.out.println(Banner.text(config, standalone, Duration.ofNanos(System.nanoTime() - begun)));
  }
}
