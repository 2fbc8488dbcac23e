package org.goldcommand.dashboard.api;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.goldcommand.dashboard.DashboardConfig;
import org.goldcommand.dashboard.DashboardService;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.history.HistoryDatabase;
import org.goldcommand.history.HistorySink;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.DemoTokens;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.TestDatabase;

/**
 * A running dashboard-api in the demo profile on a real broker and, when given a database, with
 * history: the migrated database filled by a real history sink from the same topics, as in
 * production. Requests are made as a demo person with a real token.
 */
final class ApiHarness implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(30);

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final KafkaProducer<byte[], byte[]> producer;
  private final HistorySink sink;
  private final DashboardService dashboard;

  /** A dashboard over the broker, with history in {@code db} (or none when null). */
  ApiHarness(KafkaBroker broker, TestDatabase db) {
    broker.createTopics(Topics.all());
    String run = UUID.randomUUID().toString();
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
        new ByteArraySerializer(), new ByteArraySerializer());
    Map<String, String> settings = new HashMap<>(Map.of("GC_PROFILE", "demo", "GC_DASHBOARD_PORT", "0",
        "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "GC_WEBHOOK_CONSUMER_GROUP", "api-it-" + run));
    if (db != null) {
      new HistoryDatabase(db.dataSource()).migrate();
      sink = new HistorySink(broker.bootstrapServers(), db.dataSource(), "api-it-history-" + run);
      sink.start();
      settings.putAll(Map.of("GC_DB_URL", db.jdbcUrl(), "GC_DB_USER", db.user(), "GC_DB_PASSWORD", db.password()));
    } else {
      sink = null;
    }
    dashboard = new DashboardService(vertx, DashboardConfig.from(new Settings(settings)),
        Observability.registry("dashboard-api-test"));
    dashboard.start().await();
    await().atMost(WAIT).until(() -> send(null, "GET", "/ready", null).statusCode() == 200);
  }

  /** Publishes a record and waits until Kafka has it. */
  <K, V> void publish(Topic<K, V> topic, K key, V value) throws Exception {
    producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value))).get();
  }

  /** GET as this demo person. */
  HttpResponse<String> get(String user, String path) throws Exception {
    return send(user, "GET", path, null);
  }

  /** GET as this demo person, expecting 200 with a JSON object. */
  JsonObject json(String user, String path) throws Exception {
    HttpResponse<String> answer = get(user, path);
    if (answer.statusCode() != 200) {
      throw new AssertionError("GET " + path + " as " + user + " answered " + answer.statusCode() + " "
          + answer.body());
    }
    return new JsonObject(answer.body());
  }

  /** POST a JSON body as this demo person. */
  HttpResponse<String> post(String user, String path, String body) throws Exception {
    return send(user, "POST", path, body);
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard.port() + path));
    if (user != null) {
      String token = tokens.computeIfAbsent(user, u -> DemoTokens.token(dashboard.port(), u));
      request.header("Authorization", "Bearer " + token);
    }
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    producer.close();
    dashboard.close();
    if (sink != null) {
      sink.close();
    }
    vertx.close().await();
  }
}
