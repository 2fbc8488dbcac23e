package org.goldcommand.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Probes the Kafka cluster in the background so {@code /ready} can answer instantly without a
 * network call on the event loop: a service that cannot reach Kafka reports itself not ready
 * instead of accepting work it cannot hand on.
 */
public final class KafkaReadiness implements AutoCloseable {

  private final AtomicBoolean reachable = new AtomicBoolean();
  private final Admin admin;
  private final ScheduledExecutorService probe;

  /** Starts probing every {@code interval}. */
  public KafkaReadiness(String bootstrapServers, Duration interval) {
    this.admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
    this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kafka-readiness");
      t.setDaemon(true);
      return t;
    });
    probe.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the last probe reached a broker. */
  public boolean reachable() {
    return reachable.get();
  }

  private void check() {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000)).nodes().get(4, TimeUnit.SECONDS);
      reachable.set(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      reachable.set(false);
    }
  }

  @Override
  public void close() {
    probe.shutdownNow();
    admin.close(Duration.ofSeconds(2));
  }
}
