package org.goldcommand.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application is behind, from its committed offsets: drained when every
 * partition it reads has its committed offset at the end (a transactional topic may end in one
 * commit marker past the last record, so a lag of one there is drained too).
 */
final class Lag {

  private final Admin admin;
  private final String groupId;
  private final Set<TopicPartition> sources;

  /** A view of {@code groupId}'s lag over what it has committed and, committed or not, {@code sources}. */
  Lag(Admin admin, String groupId, Set<TopicPartition> sources) {
    this.admin = admin;
    this.groupId = groupId;
    this.sources = Set.copyOf(sources);
  }

  /** Waits until drained and answers the seconds it took. */
  double awaitDrained(Duration limit) throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < limit.toNanos()) {
      if (behind() == 0) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Not drained within " + limit);
  }

  /** Records not yet processed, over every partition the group has committed for. */
  long behind() throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
        .partitionsToOffsetAndMetadata().get();
    Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
    partitions.addAll(sources);
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
    long behind = 0;
    for (TopicPartition p : partitions) {
      OffsetAndMetadata at = committed.get(p);
      long lag = ends.get(p).offset() - (at == null ? 0 : at.offset());
      behind += lag <= 1 && p.topic().startsWith(groupId) ? 0 : Math.max(0, lag);
    }
    return behind;
  }
}
