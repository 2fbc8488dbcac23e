package org.goldcommand.dashboard.webhooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One subscriber's waiting alert steps: bounded, dropping the oldest when full (a newer step of the
 * same picture matters more than an old one), with whether a request is in flight. Confined to the
 * delivery's context; only the size is read from elsewhere, by the metrics gauge.
 */
final class SubscriberQueue {

  /** A step waiting to go: its delivery id, event name and signed body. */
  record Pending(String deliveryId, String event, String body) {}

  private final Subscription subscription;
  private final int limit;
  private final DeliveryMetrics metrics;
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private boolean busy;

  SubscriberQueue(Subscription subscription, int limit, DeliveryMetrics metrics) {
    this.subscription = subscription;
    this.limit = limit;
    this.metrics = metrics;
    metrics.queueSize(size);
  }

  /** Adds a step; returns whether the oldest had to be dropped to make room. */
  boolean add(Pending pending) {
    boolean dropped = false;
    if (waiting.size() >= limit) {
      waiting.removeFirst();
      dropped = true;
    }
    waiting.addLast(pending);
    size.set(waiting.size());
    return dropped;
  }

  Pending take() {
    Pending next = waiting.removeFirst();
    size.set(waiting.size());
    return next;
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  boolean busy() {
    return busy;
  }

  void busy(boolean inFlight) {
    busy = inFlight;
  }

  Subscription subscription() {
    return subscription;
  }

  DeliveryMetrics metrics() {
    return metrics;
  }
}
