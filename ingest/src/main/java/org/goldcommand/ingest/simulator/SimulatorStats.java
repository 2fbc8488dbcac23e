package org.goldcommand.ingest.simulator;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulator has sent on each channel (an HTTP feed's name, {@code hl7-adt} or
 * {@code fhir-encounter}) and what became of it: accepted (202, or an HL7 AA), refused (4xx, AE or
 * AR: the simulator sent something wrong), or failed (no answer, 5xx: ingest or its listener was
 * not there). The first problems on each channel are logged, then one in a thousand, so a missing
 * listener is reported without flooding the log.
 */
public final class SimulatorStats {

  /** One channel's record counts. */
  public record Counts(long generated, long accepted, long refused, long failed) {

    /** Records sent or queued that have no answer yet. */
    public long pending() {
      return generated - accepted - refused - failed;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorStats.class);
  private static final int GENERATED = 0;
  private static final int ACCEPTED = 1;
  private static final int REFUSED = 2;
  private static final int FAILED = 3;

  private final Map<String, AtomicLongArray> counts = new ConcurrentHashMap<>();
  private final Map<String, Queue<String>> receipts = new ConcurrentHashMap<>();
  private final boolean keepReceipts;

  /** With {@code keepReceipts}, the ids ingest returns for accepted records are kept (for tests). */
  public SimulatorStats(boolean keepReceipts) {
    this.keepReceipts = keepReceipts;
  }

  void generated(String channel, int records) {
    add(channel, GENERATED, records);
  }

  void accepted(String channel, int records, List<String> ids) {
    add(channel, ACCEPTED, records);
    if (keepReceipts) {
      receipts.computeIfAbsent(channel, c -> new ConcurrentLinkedQueue<>()).addAll(ids);
    }
  }

  void refused(String channel, int records, String why) {
    long before = add(channel, REFUSED, records);
    if (before < 5 || before % 1_000 < records) {
      LOG.warn("Simulator's {} records were refused ({} so far): {}", channel, before + records, why);
    }
  }

  void failed(String channel, int records, String why) {
    long before = add(channel, FAILED, records);
    if (before < 5 || before % 1_000 < records) {
      LOG.warn("Simulator could not deliver {} records ({} so far): {}", channel, before + records, why);
    }
  }

  private long add(String channel, int index, int records) {
    return counts.computeIfAbsent(channel, c -> new AtomicLongArray(4)).getAndAdd(index, records);
  }

  /** Every channel's counts so far, by channel name. */
  public Map<String, Counts> counts() {
    Map<String, Counts> all = new TreeMap<>();
    counts.forEach((channel, c) -> all.put(channel,
        new Counts(c.get(GENERATED), c.get(ACCEPTED), c.get(REFUSED), c.get(FAILED))));
    return all;
  }

  /** Records without an answer yet, on every channel. */
  public long pending() {
    return counts().values().stream().mapToLong(Counts::pending).sum();
  }

  /** The receipts ingest gave for a channel's accepted records, when kept. */
  public List<String> receipts(String channel) {
    return List.copyOf(receipts.getOrDefault(channel, new ConcurrentLinkedQueue<>()));
  }
}
