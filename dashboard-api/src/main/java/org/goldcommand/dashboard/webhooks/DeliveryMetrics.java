package org.goldcommand.dashboard.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One subscription's webhook metrics, so an operator sees a receiver failing before its owners
 * notice silence: {@code gc.webhook.deliveries} by outcome (delivered, rejected, failed, dropped,
 * disabled), {@code gc.webhook.retries} and {@code gc.webhook.queue.size}, each tagged with the
 * subscription.
 */
final class DeliveryMetrics {

  private final MeterRegistry registry;
  private final String subscription;
  private final Counter retries;

  DeliveryMetrics(MeterRegistry registry, String subscription) {
    this.registry = registry;
    this.subscription = subscription;
    this.retries = Counter.builder("gc.webhook.retries").tag("subscription", subscription)
        .description("Webhook attempts that failed and were tried again").register(registry);
  }

  void outcome(String outcome) {
    Counter.builder("gc.webhook.deliveries").tag("subscription", subscription).tag("outcome", outcome)
        .description("Alert steps by what became of their delivery").register(registry).increment();
  }

  void retried() {
    retries.increment();
  }

  void queueSize(AtomicInteger size) {
    Gauge.builder("gc.webhook.queue.size", size, AtomicInteger::get).tag("subscription", subscription)
        .description("Alert steps waiting for a subscriber's webhook").register(registry);
  }
}
