package org.goldcommand.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.goldcommand.dashboard.DashboardConfig;
import org.goldcommand.dashboard.DashboardService;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.events.reference.synthetic.SyntheticReferenceData;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.DemoTokens;
import org.goldcommand.testkit.KafkaBroker;

/**
 * Live WebSocket fan-out (issue 5's goal: 1,000 clients on {@code pressure.trust}, 200 updates a
 * second, push latency p99 under 250 ms with no loss for clients that keep up), everything in one
 * JVM: an in-JVM Kafka broker, dashboard-api in the demo profile (its own Vert.x instance and
 * Prometheus registry, as {@code ServiceLauncher} makes them), and {@code clients} WebSocket clients
 * on a Vert.x instance of their own with {@code client event loops} event loops, each signed in as
 * the demo administrator (who sees every trust) and subscribed to {@code pressure.trust}: batched
 * (as the wall subscribes: every change, one frame per {@code GC_WS_BATCH_MILLIS} period) unless the
 * sixth argument is {@code single} (one frame per change).
 *
 * <p>A producer sends {@code rate} trust pressure changes a second to {@code pressure.trust.v1}
 * (acks=all, no linger), round the national synthetic data's 200 acute trusts, each with the
 * default scoring table's ten scored measures (about 2 KB a change): {@code warm-up} seconds' worth
 * of updates, the rate ramped up over the first half of the warm-up, and then {@code seconds}
 * measured at the full rate. Each carries its number in {@code tableVersion}
 * ({@code bench#n}) and its send time is kept in this JVM, so for every update and client:
 * <ul>
 *   <li>(a) <b>end to end</b>: producer send to the client's frame handler;
 *   <li>(b) <b>Kafka hop</b>: producer send to a plain {@code read_committed} consumer of the topic in
 *       this JVM (a stand-in for dashboard-api's own consumer, which polls the same broker alike);
 *   <li>(a-b) <b>dashboard-api to client</b>, paired per update: the client's arrival minus that
 *       consumer's arrival of the same update;
 *   <li>(c) the server's own {@code gc.ws.push.latency} histogram over the measured window: from a
 *       change reaching its channel to its frame being handed to the client's socket.
 * </ul>
 * Loss: every client's channel sequence numbers are checked for gaps (a conflated or dropped change
 * leaves one), and every measured update is looked for at every client.
 *
 * <p>Run from the repository root after {@code mvn -B -ntp install -DskipTests}:
 * <pre>
 * mvn -B -ntp -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath
 * java -Xmx4g -cp "bench/target/classes:$(cat bench/target/classpath)" org.goldcommand.bench.FanOutBenchmark \
 *   [clients=1000] [rate=200] [seconds=60] [warm-up seconds=30] [client event loops=2] [batched|single]
 * </pre>
 */
public final class FanOutBenchmark {

  private static final String TRUST_PRESSURE = DashboardService.PRESSURE_TRUST;
  private static final int CONNECTING_AT_ONCE = 50;
  private static final Duration DRAIN_STALL = Duration.ofSeconds(10);

  /** The default scoring table's parameters: name, label, unit. */
  private static final String[][] PARAMETERS = {
      {"handoverMeanMinutes", "Mean ambulance handover (last 60 min)", "minutes"},
      {"handoversOver60Pct", "Handovers over 60 min (since midnight)", "%"},
      {"fourHourPct", "ED 4-hour performance (since midnight)", "%"},
      {"over12hPct", "Patients in ED over 12 h", "%"},
      {"edOccupancyPct", "ED occupancy", "%"},
      {"gaOccupancyPct", "G&A bed occupancy", "%"},
      {"escalationSharePct", "Escalation beds of open G&A beds", "%"},
      {"nctrSharePct", "G&A beds with no criteria to reside", "%"},
      {"criticalCareOccupancyPct", "Adult critical care occupancy", "%"},
      {"staffAbsencePct", "Staff absence", "%"}};

  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = arg(args, 0, 1_000);
    int rate = arg(args, 1, 200);
    int seconds = arg(args, 2, 60);
    int warmUp = arg(args, 3, 30);
    int clientLoops = arg(args, 4, 2);
    boolean batched = !(args.length > 5 && args[5].equals("single"));
    int updates = rate * (warmUp + seconds);
    int firstMeasured = rate * warmUp;
    List<Organisation> trusts = SyntheticReferenceData.generate(SyntheticReferenceData.Spec.national(1))
        .organisations(OrganisationType.ACUTE_TRUST);
    System.out.printf("fan-out: %,d clients on %s (%s), %,d updates/s round %d trusts, %d s warm-up + %d s measured, "
        + "%d client event loops, %d cores%n", clients, TRUST_PRESSURE, batched ? "batched" : "one frame per change",
        rate, trusts.size(), warmUp, seconds, clientLoops, Runtime.getRuntime().availableProcessors());

    try (KafkaBroker broker = KafkaBroker.startPrivate()) {
      broker.createTopics(Topics.all());
      PrometheusMeterRegistry registry = Observability.registry("dashboard-api");
      Vertx serverVertx = Observability.vertx(registry);
      DashboardService dashboard = new DashboardService(serverVertx, DashboardConfig.from(new Settings(Map.of(
          "GC_PROFILE", "demo", "GC_DASHBOARD_PORT", "0", "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers()))), registry);
      Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(clientLoops));
      try {
        dashboard.start().await();
        awaitReady(dashboard.port());
        Run run = new Run(clients, updates, firstMeasured, rate, trusts, batched);
        run.connect(clientVertx, clientLoops, dashboard.port(), DemoTokens.token(dashboard.port(), "admin"));
        run.produce(broker.bootstrapServers(), registry);
        run.report(seconds);
      } finally {
        clientVertx.close().await();
        dashboard.close();
        serverVertx.close().await();
      }
    }
  }

  /** One run's clients, send and arrival times, and the snapshots its report compares. */
  private static final class Run {

    private final int updates;
    private final int firstMeasured;
    private final int rate;
    private final List<Organisation> trusts;
    private final long origin = System.nanoTime();
    private final AtomicLongArray sentNanos;
    private final AtomicLongArray kafkaNanos;
    private final List<FanOutClient> clients = new ArrayList<>();
    private final CountDownLatch subscribed;
    private final LongAdder frames = new LongAdder();
    private final LongAdder changes = new LongAdder();
    private final boolean batched;
    private final Set<Thread> clientThreads = ConcurrentHashMap.newKeySet();
    private final int clientCount;
    private volatile boolean following = true;
    /**
     * Held for the whole run: once the client object was unreachable, Vert.x shut down every
     * connection it had made (a close frame with 1000 about 30 s after a garbage collection).
     */
    private WebSocketClient ws;
    private Window start;
    private Window sendEnd;
    private Window drained;

    Run(int clientCount, int updates, int firstMeasured, int rate, List<Organisation> trusts, boolean batched) {
      this.batched = batched;
      this.clientCount = clientCount;
      this.updates = updates;
      this.firstMeasured = firstMeasured;
      this.rate = rate;
      this.trusts = trusts;
      this.sentNanos = new AtomicLongArray(updates);
      this.kafkaNanos = new AtomicLongArray(updates);
      this.subscribed = new CountDownLatch(clientCount);
    }

    /**
     * Connects every client (a few at a time, as walls come online), subscribes, and waits for each
     * snapshot. Connections are made from {@code loops} verticles' contexts in turn, one per client
     * event loop: a connection stays on the context it was made from, and made from this thread they
     * would all share this thread's one context.
     */
    void connect(Vertx vertx, int loops, int port, String token) throws Exception {
      ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clientCount).setTcpNoDelay(true));
      List<Context> contexts = new ArrayList<>();
      for (int i = 0; i < loops; i++) {
        Promise<Context> deployed = Promise.promise();
        vertx.deployVerticle(new VerticleBase() {
          @Override
          public Future<?> start() {
            deployed.complete(context);
            return Future.succeededFuture();
          }
        }).await();
        contexts.add(deployed.future().await());
      }
      long connecting = System.nanoTime();
      for (int from = 0; from < clientCount; from += CONNECTING_AT_ONCE) {
        List<Future<WebSocket>> batch = new ArrayList<>();
        for (int i = from; i < Math.min(clientCount, from + CONNECTING_AT_ONCE); i++) {
          FanOutClient client = new FanOutClient(origin, updates, firstMeasured, subscribed, frames, changes,
              batched, clientThreads);
          clients.add(client);
          Promise<WebSocket> connected = Promise.promise();
          contexts.get(i % loops).runOnContext(v -> ws.connect(new WebSocketConnectOptions().setHost("localhost")
              .setPort(port).setURI("/ws").putHeader("Authorization", "Bearer " + token)).onSuccess(client::attach)
              .onComplete(connected));
          batch.add(connected.future().recover(e -> Future.failedFuture(e instanceof UpgradeRejectedException rejected
              ? new IllegalStateException(e.getMessage() + ": " + rejected.getBody(), e) : e)));
        }
        Future.all(batch).await(30, TimeUnit.SECONDS);
      }
      if (!subscribed.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(subscribed.getCount() + " clients had no snapshot within 60 s");
      }
      System.out.printf("%,d clients connected and subscribed in %.1f s, on %d client event loop%s%n", clientCount,
          (System.nanoTime() - connecting) / 1e9, clientThreads.size(), clientThreads.size() == 1 ? "" : "s");
    }

    /** Sends every update at the rate, with the Kafka probe following the topic. */
    void produce(String bootstrap, PrometheusMeterRegistry registry) throws Exception {
      KafkaConsumer<byte[], byte[]> probe = probe(bootstrap);
      Thread probing = new Thread(() -> follow(probe), "fanout-kafka-probe");
      probing.start();
      try (KafkaProducer<String, Envelope<TrustPressure>> producer = new KafkaProducer<>(Map.<String, Object>of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
          Topics.TRUST_PRESSURE.keySerde().serializer(), Topics.TRUST_PRESSURE.valueSerde().serializer())) {
        producer.partitionsFor(Topics.TRUST_PRESSURE.name());
        long begin = System.nanoTime();
        long due = begin;
        for (int n = 0; n < updates; n++) {
          due += n < firstMeasured ? warmUpInterval(due - begin) : 1_000_000_000L / rate;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          if (n == firstMeasured) {
            start = new Window(registry, frames.sum(), changes.sum(), clientThreads);
          }
          Organisation trust = trusts.get(n % trusts.size());
          ProducerRecord<String, Envelope<TrustPressure>> record = new ProducerRecord<>(Topics.TRUST_PRESSURE.name(),
              trust.code(), envelope(trust, n));
          sentNanos.set(n, System.nanoTime() - origin);
          producer.send(record);
        }
        producer.flush();
        sendEnd = new Window(registry, frames.sum(), changes.sum(), clientThreads);
      }
      awaitDrained();
      drained = new Window(registry, frames.sum(), changes.sum(), clientThreads);
      following = false;
      probe.wakeup();
      probing.join();
    }

    /**
     * The gap before the next warm-up update: the rate climbs from a tenth of the full rate to all
     * of it over the first half of the warm-up, so the JIT compiles the hot paths before the full
     * load arrives (sent at full rate from a cold start, the 2-core machine falls tens of seconds
     * behind first; docs/benchmarks.md).
     */
    private long warmUpInterval(long elapsedNanos) {
      double rampNanos = Math.max(1, firstMeasured / (double) rate / 2) * 1e9;
      double share = Math.min(1, 0.1 + 0.9 * elapsedNanos / rampNanos);
      return (long) (1e9 / (rate * share));
    }

    /** Waits until every open client has every update, or until arrivals stop for a while. */
    private void awaitDrained() throws InterruptedException {
      long last = -1;
      long lastChange = System.nanoTime();
      while (System.nanoTime() - lastChange < DRAIN_STALL.toNanos()) {
        if (clients.stream().allMatch(c -> c.closedWith() >= 0 || c.updates() >= updates)) {
          return;
        }
        long now = changes.sum();
        if (now != last) {
          last = now;
          lastChange = System.nanoTime();
        }
        Thread.sleep(50);
      }
    }

    private KafkaConsumer<byte[], byte[]> probe(String bootstrap) {
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRUST_PRESSURE.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      return consumer;
    }

    private void follow(KafkaConsumer<byte[], byte[]> consumer) {
      try (consumer) {
        while (following) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            long arrived = System.nanoTime() - origin;
            long n = FanOutFrame.updateIn(record.value());
            if (n >= 0 && n < updates) {
              kafkaNanos.set((int) n, arrived);
            }
          }
        }
      } catch (WakeupException e) {
        // stopped
      }
    }

    /**
     * A trust's pressure as the streams application publishes it: the default scoring table's ten
     * parameters, scored, with the update's number in {@code tableVersion}.
     */
    private Envelope<TrustPressure> envelope(Organisation trust, int n) {
      Instant now = Instant.now();
      List<Measure> measures = new ArrayList<>();
      double score = 0;
      for (int i = 0; i < PARAMETERS.length; i++) {
        int level = 1 + (n + i) % 4;
        double weight = i % 3 == 0 ? 15 : 10;
        double contribution = weight * (level - 1) / 3.0;
        score += contribution;
        measures.add(new Measure(PARAMETERS[i][0], PARAMETERS[i][1], 50 + (n * 7 + i * 13) % 60, PARAMETERS[i][2],
            now.minusSeconds(60L * i), level, weight, contribution));
      }
      int opel = score < 25 ? 1 : score < 50 ? 2 : score < 75 ? 3 : 4;
      TrustPressure pressure = new TrustPressure(trust.code(), trust.name(), trust.systemCode(), now, measures,
          score, opel, FanOutFrame.UPDATE_PREFIX + n, 1.0);
      return Envelope.of("fanout-" + n, "/streams/trust-pressure", "org.goldcommand.pressure.trust.v1", trust.code(),
          now, now, pressure);
    }

    /** Prints the run's figures. */
    void report(int seconds) {
      double window = (sendEnd.nanos - start.nanos) / 1e9;
      int measured = updates - firstMeasured;
      long framesInWindow = sendEnd.frames - start.frames;
      long changesInWindow = sendEnd.changes - start.changes;
      System.out.printf("sent %,d measured updates in %.1f s (%,.0f/s)%n", measured, window, measured / window);
      System.out.printf("changes delivered while sending: %,d in %.1f s = %,.0f/s (offered %,d/s = %,d clients x %,d), "
          + "in %,.0f frames/s (%.1f changes a frame)%n", changesInWindow, window, changesInWindow / window,
          (long) rate * clientCount, clientCount, rate, framesInWindow / window,
          framesInWindow == 0 ? 0.0 : (double) changesInWindow / framesInWindow);

      Histogram endToEnd = histogram();
      Histogram fromDashboard = histogram();
      Histogram kafka = histogram();
      Histogram[] bySlice = new Histogram[(seconds + 9) / 10];
      for (int i = 0; i < bySlice.length; i++) {
        bySlice[i] = histogram();
      }
      long delivered = 0;
      long notPaired = 0;
      long lastArrival = 0;
      for (int n = firstMeasured; n < updates; n++) {
        long sent = sentNanos.get(n);
        long probed = kafkaNanos.get(n);
        if (probed > 0) {
          kafka.recordValue(micros(probed - sent));
        }
        Histogram slice = bySlice[Math.min(bySlice.length - 1, (n - firstMeasured) / rate / 10)];
        for (FanOutClient client : clients) {
          long arrived = client.arrivedNanos(n);
          if (arrived < 0) {
            continue;
          }
          delivered++;
          lastArrival = Math.max(lastArrival, arrived);
          endToEnd.recordValue(micros(arrived - sent));
          slice.recordValue(micros(arrived - sent));
          if (probed > 0) {
            fromDashboard.recordValue(micros(arrived - probed));
          } else {
            notPaired++;
          }
        }
      }
      long expected = (long) measured * clientCount;
      long withGaps = clients.stream().filter(c -> c.measuredSequence().gaps() > 0).count();
      long missing = clients.stream().mapToLong(c -> c.measuredSequence().missing()).sum();
      long outOfOrder = clients.stream().mapToLong(c -> c.measuredSequence().outOfOrder()).sum();
      long warmUpWithGaps = clients.stream().filter(c -> c.sequence().gaps() > c.measuredSequence().gaps()).count();
      long warmUpMissing = clients.stream().mapToLong(c -> c.sequence().missing() - c.measuredSequence().missing())
          .sum();
      long closed = clients.stream().filter(c -> c.closedWith() >= 0).count();
      long errors = clients.stream().mapToLong(FanOutClient::errors).sum();
      System.out.printf("measured updates delivered: %,d of %,d expected (%d updates x %,d clients), %,d missing%s%n",
          delivered, expected, measured, clientCount, expected - delivered, delivered < expected ? ""
              : String.format("; the last arrived %.2f s after the last send",
                  (lastArrival - sentNanos.get(updates - 1)) / 1e9));
      System.out.printf("clients with sequence gaps in the measured window: %,d of %,d; %,d sequence numbers skipped; "
          + "%,d out of order; %,d closed by the server %s; %,d error messages%n", withGaps, clientCount, missing,
          outOfOrder, closed, closeCodes(), errors);
      System.out.printf("    (before it, in the warm-up: %,d clients with gaps, %,d sequence numbers skipped)%n",
          warmUpWithGaps, warmUpMissing);
      System.out.println("latency, ms                                          count        p50     p90     p99      max");
      line("(a) producer send -> client frame (end to end)", endToEnd);
      line("(b) producer send -> Kafka probe consumer", kafka);
      line("(a-b) probe consumer -> client frame, paired per update", fromDashboard);
      if (notPaired > 0) {
        System.out.printf("    (%,d frames of updates the probe did not see are left out of (a-b))%n", notPaired);
      }
      serverLatency();
      System.out.println("(a) by 10 s of sending:");
      for (int i = 0; i < bySlice.length; i++) {
        line(String.format("    %3d-%3d s", i * 10, Math.min(seconds, i * 10 + 10)), bySlice[i]);
      }
      System.out.printf("CPU while sending (%.1f s):%n%s", window, sendEnd.cpu.report(start.cpu, window));
    }

    private void serverLatency() {
      FanOutBuckets buckets = FanOutBuckets.between(start.pushBuckets, drained.pushBuckets);
      long count = drained.pushCount - start.pushCount;
      double mean = count == 0 ? Double.NaN
          : (drained.pushTotalMs - start.pushTotalMs) / count;
      System.out.printf("(c) server gc.ws.push.latency, channel -> socket    %,10d  %7.1f %7.1f %7.1f  (buckets, "
          + "histogram_quantile; mean %.1f, max over the timer's last window %.1f)%n", count, buckets.quantile(0.50),
          buckets.quantile(0.90), buckets.quantile(0.99), mean, drained.pushMaxMs);
      System.out.printf("server counters over the window: pushed %,.0f, conflated %,.0f, dropped %,.0f%n",
          drained.pushed - start.pushed, drained.conflated - start.conflated, drained.dropped - start.dropped);
    }

    /** The close codes seen and when, in seconds after the first update was sent. */
    private String closeCodes() {
      Map<Short, Long> codes = new TreeMap<>();
      clients.stream().filter(c -> c.closedWith() >= 0).forEach(c -> codes.merge(c.closedWith(), 1L, Long::sum));
      if (codes.isEmpty()) {
        return "";
      }
      LongSummaryStatistics at = clients.stream().filter(c -> c.closedWith() >= 0)
          .mapToLong(FanOutClient::closedNanos).summaryStatistics();
      return String.format("(close codes %s, %.1f-%.1f s after the first send)", codes,
          (at.getMin() - sentNanos.get(0)) / 1e9, (at.getMax() - sentNanos.get(0)) / 1e9);
    }
  }

  /** What the report compares at the window's start, at the end of sending, and once drained. */
  private static final class Window {

    final long nanos = System.nanoTime();
    final long frames;
    final long changes;
    final FanOutCpu cpu;
    final CountAtBucket[] pushBuckets;
    final long pushCount;
    final double pushTotalMs;
    final double pushMaxMs;
    final double pushed;
    final double conflated;
    final double dropped;

    Window(PrometheusMeterRegistry registry, long frames, long changes, Set<Thread> clientThreads) {
      this.frames = frames;
      this.changes = changes;
      this.cpu = FanOutCpu.now(clientThreads);
      Timer pushLatency = registry.get("gc.ws.push.latency").timer();
      var snapshot = pushLatency.takeSnapshot();
      this.pushMaxMs = snapshot.max(TimeUnit.MILLISECONDS);
      this.pushBuckets = snapshot.histogramCounts();
      this.pushCount = snapshot.count();
      this.pushTotalMs = snapshot.total(TimeUnit.MILLISECONDS);
      this.pushed = count(registry, "gc.ws.messages.pushed");
      this.conflated = count(registry, "gc.ws.messages.conflated");
      this.dropped = count(registry, "gc.ws.messages.dropped");
    }

    private static double count(PrometheusMeterRegistry registry, String name) {
      Counter counter = registry.get(name).counter();
      return counter.count();
    }
  }

  private static Histogram histogram() {
    return new Histogram(3);
  }

  private static long micros(long nanos) {
    return Math.max(0, nanos / 1_000);
  }

  private static void line(String label, Histogram h) {
    if (h.getTotalCount() == 0) {
      System.out.printf("%-52s %10d%n", label, 0);
      return;
    }
    System.out.printf("%-52s %,10d  %7.1f %7.1f %7.1f  %7.1f%n", label, h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
        h.getMaxValue() / 1e3);
  }

  private static void awaitReady(int port) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ready")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("dashboard-api not ready within 60 s");
  }

  private static int arg(String[] args, int i, int otherwise) {
    return args.length > i ? Integer.parseInt(args[i]) : otherwise;
  }
}
