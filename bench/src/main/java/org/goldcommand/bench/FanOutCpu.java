package org.goldcommand.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CPU time of the benchmark's one JVM, by part: the whole process (GC and JIT included) and each
 * group of Java threads, so a run can say which part used the machine's cores. Both Vert.x
 * instances name their event loops alike; the client side's are told apart by the threads the
 * clients were seen running on.
 *
 * @param processNanos CPU time of the whole process
 * @param byPart CPU time of the live Java threads, by part
 */
record FanOutCpu(long processNanos, Map<String, Long> byPart) {

  static final String CLIENTS = "bench WebSocket clients (client event loops)";
  static final String SERVER_LOOPS = "dashboard-api event loops";

  /** CPU used so far, with {@code clientThreads} the client event loops. */
  static FanOutCpu now(Set<Thread> clientThreads) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byPart = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      long cpu = threads.getThreadCpuTime(thread.getId());
      if (cpu > 0) {
        byPart.merge(part(thread, clientThreads), cpu, Long::sum);
      }
    }
    long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    return new FanOutCpu(process, byPart);
  }

  private static String part(Thread thread, Set<Thread> clientThreads) {
    String name = thread.getName();
    if (clientThreads.contains(thread)) {
      return CLIENTS;
    }
    if (name.startsWith("vert.x-eventloop-thread")) {
      return SERVER_LOOPS;
    }
    if (name.startsWith("vert.x-")) {
      return "dashboard-api other Vert.x threads (acceptor, workers)";
    }
    if (name.startsWith("live-feed-")) {
      return "dashboard-api topic feeds (Kafka consumers)";
    }
    if (name.startsWith("fanout-")) {
      return "bench producer pacing and Kafka probe";
    }
    if (name.startsWith("kafka-producer-network-thread")) {
      return "Kafka producer I/O threads";
    }
    return "Kafka broker and other JVM threads";
  }

  /** Prints what each part used between {@code start} and this, as cores busy over {@code seconds}. */
  String report(FanOutCpu start, double seconds) {
    StringBuilder out = new StringBuilder();
    long threadsTotal = 0;
    for (Map.Entry<String, Long> part : byPart.entrySet()) {
      long used = part.getValue() - start.byPart.getOrDefault(part.getKey(), 0L);
      threadsTotal += used;
      out.append(String.format("  %-55s %5.2f cores%n", part.getKey(), used / 1e9 / seconds));
    }
    long process = processNanos - start.processNanos;
    out.append(String.format("  %-55s %5.2f cores%n", "GC, JIT and other non-Java threads", (process - threadsTotal)
        / 1e9 / seconds));
    out.append(String.format("  %-55s %5.2f cores of %d%n", "whole process", process / 1e9 / seconds,
        Runtime.getRuntime().availableProcessors()));
    return out.toString();
  }
}
