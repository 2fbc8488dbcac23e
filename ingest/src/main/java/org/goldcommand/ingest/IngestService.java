package org.goldcommand.ingest;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.ingest.auth.ApiKeys;
import org.goldcommand.ingest.hl7.Hl7Listener;
import org.goldcommand.ingest.kafka.FeedProducer;
import org.goldcommand.ingest.submissions.SubmissionLog;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.KafkaReadiness;
import org.goldcommand.platform.KafkaTopics;
import org.goldcommand.platform.OpsRoutes;
import org.goldcommand.platform.RunningService;
import org.goldcommand.platform.Profile;

/**
 * Ingest assembled from its configuration: the producer, the key store, reference data and the
 * HTTP verticle. Used by {@link IngestMain} on its own and by the standalone launcher beside the
 * other services.
 */
public final class IngestService implements RunningService {

  private final Vertx vertx;
  private final IngestConfig config;
  private final ReferenceData reference;
  private final FeedProducer producer;
  private final KafkaReadiness readiness;
  private final IngestVerticle verticle;
  private final KafkaClientMetrics producerMetrics;
  private final SubmissionLog submissions;
  private final Hl7Listener hl7;
  private String deployment;

  public IngestService(Vertx vertx, IngestConfig config, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    ApiKeys keys = config.apiKeysFile() != null ? ApiKeys.fromFile(config.apiKeysFile()) : demoKeys(config);
    this.config = config;
    this.reference = config.referenceFile() != null
        ? ReferenceDataLoader.fromFile(config.referenceFile()) : ReferenceDataLoader.demo();
    this.producer = new FeedProducer(config.kafkaBootstrap(), "gold-command-ingest");
    this.producerMetrics = new KafkaClientMetrics(producer.kafkaProducer());
    producerMetrics.bindTo(registry);
    this.readiness = new KafkaReadiness(config.kafkaBootstrap(), Duration.ofSeconds(2));
    this.submissions = new SubmissionLog(config.kafkaBootstrap(), Clock.systemUTC());
    OpsRoutes ops = new OpsRoutes("ingest").readyWhen("kafka", readiness::reachable);
    this.verticle = new IngestVerticle(config, producer, keys, reference, submissions, ops, registry);
    this.hl7 = config.hl7() == null ? null
        : new Hl7Listener(vertx, config.hl7(), producer, reference, config.hl7().senders(), registry);
  }

  /**
   * Publishes the reference data in force to its compacted topic, so every other service and any
   * consumer sees the organisations ingest validates against. Waits for Kafka's acknowledgement.
   */
  private void publishReference() throws Exception {
    for (Organisation org : reference.organisations()) {
      producer.send(Topics.ORGANISATIONS, org.code(), org).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static ApiKeys demoKeys(IngestConfig config) {
    if (config.profile() != Profile.DEMO) {
      throw new IllegalStateException("Demo API keys are allowed only in the demo profile");
    }
    return ApiKeys.demo();
  }

  /** Deploys the HTTP server; completes once it listens. */
  @Override
  public Future<String> start() {
    return vertx.executeBlocking(() -> {
      KafkaTopics.ensure(config.kafkaBootstrap(), Topics.all(), config.replicationFactor());
      publishReference();
      return null;
    }, false).compose(ready -> {
      submissions.start();
      return vertx.deployVerticle(verticle);
    }).onSuccess(id -> deployment = id)
        .compose(id -> hl7 == null ? Future.succeededFuture(id) : hl7.start().map(port -> id));
  }

  /** The port HL7 v2 ADT is taken on over MLLP; 0 when the listener is switched off. */
  public int hl7Port() {
    return hl7 == null ? 0 : hl7.port();
  }

  /** The port feeds are served on. */
  @Override
  public int port() {
    return verticle.actualPort();
  }

  @Override
  public void close() {
    if (hl7 != null) {
      hl7.close().await();
    }
    if (deployment != null) {
      vertx.undeploy(deployment).await();
    }
    readiness.close();
    submissions.close();
    producerMetrics.close();
    producer.close();
  }
}
