package org.goldcommand.dashboard.webhooks;

import org.goldcommand.dashboard.auth.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery against real local HTTP receivers: flaky, dead, refusing and healthy. */
class WebhookDeliveryIT {

  static final String SECRET = "receiver-shared-secret";
  static final Duration WAIT = Duration.ofSeconds(15);

  record Received(MultiMap headers, String body) {}

  Vertx vertx;
  MeterRegistry metrics;
  WebhookDelivery delivery;
  final List<HttpServer> servers = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    metrics = new SimpleMeterRegistry();
  }

  @AfterEach
  void stop() {
    if (delivery != null) {
      delivery.close();
    }
    vertx.close().await();
  }

  /** A receiver answering each request with the next status in turn (the last one repeats). */
  int receiver(List<Received> received, int... statuses) {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      received.add(new Received(MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), body.toString()));
      int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
      req.response().setStatusCode(status).end();
    })).listen(0, "127.0.0.1").await();
    servers.add(server);
    return server.actualPort();
  }

  static int deadPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Subscription subscription(String id, int port, Set<String> trusts) {
    return new Subscription(id, Role.SYSTEM_LEAD, Set.of("QE1"), trusts, Severity.WARNING, Set.of(),
        new Subscription.Webhook(URI.create("http://127.0.0.1:" + port + "/hook/" + id), SECRET, true));
  }

  void deliverTo(int queueLimit, Subscription... subscriptions) {
    delivery = new WebhookDelivery(vertx, vertx.getOrCreateContext(), new Subscriptions("test", List.of(subscriptions)),
        new WebhookDelivery.Settings(Duration.ofSeconds(1),
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 4), queueLimit),
        metrics, Clock.systemUTC());
  }

  static Alert alert(String org, int n) {
    Instant at = Instant.now();
    return new Alert("trust-level/" + org + "@" + n, "trust-level/" + org, "trust-level", "v1", AlertKind.TRUST_LEVEL,
        Severity.CRITICAL, org, "QE1", org, null, AlertState.RAISED, org + " at OPEL 4", "Score 81 of 100",
        List.of(), new Alert.ActionCard("OPEL 4", List.of("Call the system gold")), at, null, null, null, null, null,
        null, at);
  }

  double deliveries(String subscription, String outcome) {
    var counter = metrics.find("gc.webhook.deliveries").tags("subscription", subscription, "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aReceiverThatFailsTwiceGetsTheAlertOnceSignedWithTheSameDeliveryIdEachTime() {
    List<Received> flaky = new CopyOnWriteArrayList<>();
    deliverTo(10, subscription("flaky", receiver(flaky, 503, 502, 200), Set.of()));

    delivery.offer(alert("RXN", 1));

    await().atMost(WAIT).until(() -> deliveries("flaky", "delivered") == 1);
    assertThat(flaky).hasSize(3);
    assertThat(flaky).extracting(r -> r.headers().get(WebhookDelivery.DELIVERY_HEADER)).containsOnly(
        flaky.get(0).headers().get(WebhookDelivery.DELIVERY_HEADER));
    Received last = flaky.get(2);
    assertThat(WebhookSignature.verify(SECRET, last.headers().get(WebhookSignature.HEADER), last.body())).isTrue();
    assertThat(last.headers().get(WebhookDelivery.EVENT_HEADER)).isEqualTo("alert.raised");
    assertThat(new JsonObject(last.body()).getString("alertId")).isEqualTo("trust-level/RXN@1");
    assertThat(metrics.find("gc.webhook.retries").tag("subscription", "flaky").counter().count()).isEqualTo(2);
  }

  @Test
  void aDeadReceiverNeverHoldsUpTheOthersAndItsQueueStaysBounded() throws Exception {
    List<Received> healthy = new CopyOnWriteArrayList<>();
    deliverTo(2, subscription("dead", deadPort(), Set.of()), subscription("healthy", receiver(healthy, 200), Set.of()));

    for (int i = 1; i <= 6; i++) {
      long started = System.nanoTime();
      delivery.offer(alert("RXL", i));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
      int delivered = i;
      await().atMost(WAIT).until(() -> healthy.size() == delivered);
      assertThat(metrics.find("gc.webhook.queue.size").tag("subscription", "dead").gauge().value()).isLessThanOrEqualTo(2);
    }

    assertThat(healthy).extracting(r -> new JsonObject(r.body()).getString("alertId"))
        .containsExactly("trust-level/RXL@1", "trust-level/RXL@2", "trust-level/RXL@3", "trust-level/RXL@4",
            "trust-level/RXL@5", "trust-level/RXL@6");
    await().atMost(WAIT).until(() -> deliveries("dead", "failed") + deliveries("dead", "dropped") == 6);
    assertThat(deliveries("dead", "delivered")).isZero();
    assertThat(metrics.find("gc.webhook.queue.size").tag("subscription", "dead").gauge().value()).isZero();
  }

  @Test
  void aReceiverThatRefusesAStepIsNotAskedAgainButTooManyRequestsIsRetried() {
    List<Received> refusing = new CopyOnWriteArrayList<>();
    List<Received> throttling = new CopyOnWriteArrayList<>();
    deliverTo(10, subscription("refusing", receiver(refusing, 400), Set.of()),
        subscription("throttling", receiver(throttling, 429, 200), Set.of()));

    delivery.offer(alert("RXR", 1));

    await().atMost(WAIT).until(() -> deliveries("throttling", "delivered") == 1);
    await().atMost(WAIT).until(() -> deliveries("refusing", "rejected") == 1);
    assertThat(refusing).hasSize(1);
    assertThat(throttling).hasSize(2);
  }

  @Test
  void onlyMatchingSubscriptionsAreCalled() {
    List<Received> rxn = new CopyOnWriteArrayList<>();
    List<Received> rtx = new CopyOnWriteArrayList<>();
    deliverTo(10, subscription("rxn", receiver(rxn, 200), Set.of("RXN")),
        subscription("rtx", receiver(rtx, 200), Set.of("RTX")));

    delivery.offer(alert("RTX", 1));

    await().atMost(WAIT).until(() -> rtx.size() == 1);
    assertThat(rxn).isEmpty();
    assertThat(rtx.get(0).headers().get(WebhookDelivery.SUBSCRIPTION_HEADER)).isEqualTo("rtx");
  }
}
