package org.goldcommand.dashboard.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert step to the webhooks of the subscriptions it matches, signed (see
 * {@link WebhookSignature}). Each subscriber has its own bounded queue and at most one request in
 * flight, so its alerts arrive in order and a slow or dead endpoint delays only itself: when its
 * queue is full the oldest step is dropped and counted, and nothing upstream ever waits. A 5xx, a
 * 429 or a timeout is retried with {@link Backoff}; any other 4xx means the receiver refuses that
 * step, so it is not sent again.
 *
 * <p>All state is confined to one Vert.x context; {@link #offer} may be called from any thread.
 */
public final class WebhookDelivery implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

  /** The header naming the delivery, the same on every retry, so a receiver can drop repeats. */
  public static final String DELIVERY_HEADER = "X-GoldCommand-Delivery";

  /** The header naming the subscription a delivery is for. */
  public static final String SUBSCRIPTION_HEADER = "X-GoldCommand-Subscription";

  /** The header naming the step: {@code alert.raised}, {@code alert.acknowledged}, {@code alert.resolved}. */
  public static final String EVENT_HEADER = "X-GoldCommand-Event";

  /**
   * How deliveries behave.
   *
   * @param timeout how long one attempt may take before it counts as failed
   * @param backoff when to retry and how often
   * @param queueLimit how many steps wait per subscriber before the oldest is dropped
   */
  public record Settings(Duration timeout, Backoff backoff, int queueLimit) {}

  private final Vertx vertx;
  private final Context context;
  private final Subscriptions subscriptions;
  private final Settings settings;
  private final Clock clock;
  private final WebClient client;
  private final Map<String, SubscriberQueue> queues = new LinkedHashMap<>();
  private boolean closed;

  public WebhookDelivery(Vertx vertx, Context context, Subscriptions subscriptions, Settings settings,
      MeterRegistry metrics, Clock clock) {
    this.vertx = vertx;
    this.context = context;
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.clock = clock;
    this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("GoldCommand-Webhooks/1")
        .setFollowRedirects(false));
    for (Subscription s : subscriptions.all()) {
      queues.put(s.id(), new SubscriberQueue(s, settings.queueLimit(), new DeliveryMetrics(metrics, s.id())));
    }
    LOG.info("Alert subscriptions version {}: {} subscriptions, {} with an enabled webhook", subscriptions.version(),
        subscriptions.all().size(), subscriptions.all().stream().filter(s -> s.webhook().enabled()).count());
  }

  /** Queues the step for every subscription it matches; returns at once. */
  public void offer(Alert alert) {
    List<Subscription> matching = subscriptions.matching(alert);
    if (matching.isEmpty()) {
      return;
    }
    String body = new String(Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert),
        StandardCharsets.UTF_8);
    String event = "alert." + alert.state().name().toLowerCase(java.util.Locale.ROOT);
    context.runOnContext(v -> matching.forEach(s -> enqueue(s, alert, body, event)));
  }

  private void enqueue(Subscription subscription, Alert alert, String body, String event) {
    SubscriberQueue queue = queues.get(subscription.id());
    if (closed) {
      return;
    }
    if (!subscription.webhook().enabled()) {
      queue.metrics().outcome("disabled");
      return;
    }
    String deliveryId = UUID.nameUUIDFromBytes((subscription.id() + "|" + alert.alertId() + "|" + alert.state())
        .getBytes(StandardCharsets.UTF_8)).toString();
    if (queue.add(new SubscriberQueue.Pending(deliveryId, event, body))) {
      queue.metrics().outcome("dropped");
      LOG.warn("Webhook queue for subscription {} is full: dropped its oldest alert step", subscription.id());
    }
    sendNext(queue);
  }

  private void sendNext(SubscriberQueue queue) {
    if (closed || queue.busy() || queue.isEmpty()) {
      return;
    }
    attempt(queue, queue.take(), 1);
  }

  private void attempt(SubscriberQueue queue, SubscriberQueue.Pending pending, int attempt) {
    Subscription.Webhook webhook = queue.subscription().webhook();
    queue.busy(true);
    long now = clock.instant().getEpochSecond();
    client.postAbs(webhook.url().toString())
        .timeout(settings.timeout().toMillis())
        .putHeader("content-type", "application/json")
        .putHeader(DELIVERY_HEADER, pending.deliveryId())
        .putHeader(SUBSCRIPTION_HEADER, queue.subscription().id())
        .putHeader(EVENT_HEADER, pending.event())
        .putHeader(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(), now, pending.body()))
        .sendBuffer(Buffer.buffer(pending.body()))
        .onComplete(ar -> {
          int status = ar.succeeded() ? ar.result().statusCode() : -1;
          if (status >= 200 && status < 300) {
            finish(queue, "delivered");
          } else if (status >= 400 && status < 500 && status != 429) {
            LOG.warn("Webhook {} refused delivery {} with {}: not retried", queue.subscription().id(),
                pending.deliveryId(), status);
            finish(queue, "rejected");
          } else if (settings.backoff().mayRetryAfter(attempt)) {
            queue.metrics().retried();
            long delay = settings.backoff().delayMillis(attempt, ThreadLocalRandom.current().nextDouble());
            vertx.setTimer(delay, id -> {
              if (!closed) {
                attempt(queue, pending, attempt + 1);
              }
            });
          } else {
            LOG.warn("Webhook {} gave up on delivery {} after {} attempts: {}", queue.subscription().id(),
                pending.deliveryId(), attempt, ar.succeeded() ? "status " + status : ar.cause().toString());
            finish(queue, "failed");
          }
        });
  }

  private void finish(SubscriberQueue queue, String outcome) {
    queue.metrics().outcome(outcome);
    queue.busy(false);
    sendNext(queue);
  }

  @Override
  public void close() {
    context.runOnContext(v -> {
      closed = true;
      client.close();
    });
  }
}
