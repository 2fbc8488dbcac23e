package org.goldcommand.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.goldcommand.events.topics.Topic;

/**
 * Creates the catalogue's topics that do not exist yet, with their partitions and settings
 * (compaction, retention), so every deployment (the embedded default, compose, a real cluster)
 * gets the same topics without a separate set-up step. Existing topics are left as they are.
 */
public final class KafkaTopics {

  private KafkaTopics() {}

  /** Creates what is missing; blocks, so call it off the event loop. */
  public static void ensure(String bootstrapServers, Collection<? extends Topic<?, ?>> topics, int replicationFactor) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> new NewTopic(t.name(), t.partitions(), (short) replicationFactor).configs(t.config()))
          .toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create Kafka topics: " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within 30 s at " + bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
