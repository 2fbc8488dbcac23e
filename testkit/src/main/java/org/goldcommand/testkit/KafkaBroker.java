package org.goldcommand.testkit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.goldcommand.events.topics.Topic;

/**
 * A real Kafka broker for tests: an in-JVM single-node KRaft cluster (Kafka's own test kit), or an
 * external one named by {@code GC_TEST_KAFKA_BOOTSTRAP}. Tests see only the bootstrap address, so
 * they run unchanged on either.
 */
public final class KafkaBroker implements AutoCloseable {

  /** Environment variable naming an external broker to use instead of an in-JVM one. */
  public static final String EXTERNAL = "GC_TEST_KAFKA_BOOTSTRAP";

  private final String bootstrapServers;
  private final KafkaClusterTestKit cluster;

  private KafkaBroker(String bootstrapServers, KafkaClusterTestKit cluster) {
    this.bootstrapServers = bootstrapServers;
    this.cluster = cluster;
  }

  /** The external broker if configured, otherwise a new in-JVM one. */
  static KafkaBroker startShared() {
    String external = System.getenv(EXTERNAL);
    return external == null || external.isBlank() ? startPrivate() : new KafkaBroker(external, null);
  }

  /**
   * A broker of the test's own, always in-JVM, which the test may stop to see how the system
   * behaves without Kafka. Close it when done.
   */
  public static KafkaBroker startPrivate() {
    try {
      KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
              .build())
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "3")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("transaction.state.log.num.partitions", "3")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaBroker(cluster.bootstrapServers(), cluster);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start an in-JVM Kafka broker", e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates the topics (with their catalogue settings) unless they exist. */
  public void createTopics(Collection<? extends Topic<?, ?>> topics) {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config()))
          .toList();
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create topics", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An admin client for this broker; close it after use. */
  public Admin admin() {
    Properties props = new Properties();
    props.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    return Admin.create(props);
  }

  /** Stops an in-JVM broker; an external broker is left running. */
  @Override
  public void close() {
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot stop the in-JVM Kafka broker", e);
      }
    }
  }
}
