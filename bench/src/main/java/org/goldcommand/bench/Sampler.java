package org.goldcommand.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A poor man's sampling profiler that needs no agent: every few milliseconds it takes every
 * thread's stack and counts, for threads that are running (not parked waiting for I/O or work),
 * which part of the system the thread is in and, for ingest's own threads, which ingest method is
 * nearest the top of the stack together with the library it is in at the top. That is enough to
 * say where ingest's CPU goes: schema validation, Jackson, hashing, Kafka or HTTP.
 */
final class Sampler implements AutoCloseable {

  private final Map<String, LongAdder> byPart = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> inIngest = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> inLibrary = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> jdkFrames = new ConcurrentHashMap<>();
  private final LongAdder samples = new LongAdder();
  private final Thread thread;
  private volatile boolean running = true;

  Sampler(long intervalMillis) {
    thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    samples.increment();
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      Thread t = entry.getKey();
      StackTraceElement[] stack = entry.getValue();
      if (t == thread || t.getState() != Thread.State.RUNNABLE || stack.length == 0 || idle(stack[0])) {
        continue;
      }
      String part = part(t.getName(), stack);
      byPart.computeIfAbsent(part, p -> new LongAdder()).increment();
      if (part.startsWith("ingest worker")) {
        String method = ingestMethod(stack);
        String library = library(stack);
        inIngest.computeIfAbsent(method, p -> new LongAdder()).increment();
        inLibrary.computeIfAbsent(method + " / " + library, p -> new LongAdder()).increment();
        if (library.equals("JDK")) {
          jdkFrames.computeIfAbsent(stack[0].getClassName() + "." + stack[0].getMethodName(), p -> new LongAdder())
              .increment();
        }
      }
    }
  }

  /** Frames where a RUNNABLE thread is really waiting (epoll, accept, socket reads, park). */
  private static boolean idle(StackTraceElement top) {
    String m = top.getClassName() + "." + top.getMethodName();
    return m.contains("epollWait") || m.contains("EPoll.wait") || m.contains(".poll0") || m.contains("accept")
        || m.contains("socketRead") || m.contains("SocketDispatcher.read") || m.contains("Unsafe.park")
        || m.contains("KQueue") || m.contains("Object.wait") || m.contains("Thread.sleep")
        || m.contains("waitForReferencePendingList") || m.contains("Signal.wait");
  }

  private static String part(String threadName, StackTraceElement[] stack) {
    if (threadName.startsWith("HttpClient") || has(stack, "org.goldcommand.bench.")) {
      return "bench HTTP client (load generator)";
    }
    if (threadName.contains("kafka-producer-network-thread")) {
      return threadName.contains("gold-command-ingest") ? "ingest Kafka producer I/O thread" : "raw producer I/O thread";
    }
    if (has(stack, "kafka.server.") || has(stack, "kafka.network.") || has(stack, "org.apache.kafka.storage.")
        || has(stack, "org.apache.kafka.raft.") || has(stack, "kafka.log.") || has(stack, "org.apache.kafka.server.")
        || has(stack, "org.apache.kafka.controller.") || has(stack, "org.apache.kafka.network.")) {
      return "Kafka broker (in the same JVM)";
    }
    if (threadName.startsWith("vert.x-eventloop")) {
      return "ingest Vert.x event loop (HTTP, routing)";
    }
    if (threadName.startsWith("vert.x-worker") || threadName.startsWith("vert.x-internal-blocking")) {
      return "ingest worker (read, check, send)";
    }
    return "other: " + threadName.replaceAll("[-0-9]+$", "");
  }

  private static boolean has(StackTraceElement[] stack, String prefix) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String ingestMethod(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("org.goldcommand.")) {
        String cls = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        return cls + "." + frame.getMethodName();
      }
    }
    return "(outside ingest code)";
  }

  /** The library the thread is in: the first frame from the top that is not the JDK's own. */
  private static String library(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      String c = frame.getClassName();
      if (c.startsWith("sun.security.provider") || c.contains("MessageDigest")) {
        return "SHA-256";
      }
      if (c.startsWith("java.util.regex")) {
        return "regex";
      }
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
        continue;
      }
      return c.startsWith("com.networknt") ? "JSON Schema validator" : c.startsWith("com.fasterxml.jackson") ? "Jackson"
          : c.startsWith("org.apache.kafka") || c.startsWith("net.jpountz") ? "Kafka client"
          : c.startsWith("io.vertx") || c.startsWith("io.netty") ? "Vert.x/Netty"
          : c.startsWith("org.goldcommand") ? "JDK" : c;
    }
    return "JDK";
  }

  /** Shares of running samples, by part of the system, and by ingest method for ingest's threads. */
  String report(int top) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("CPU samples while ingest was driven (%d snapshots, running threads only):%n",
        samples.sum()));
    table(out, byPart, top);
    out.append(String.format("Ingest's worker threads, by the innermost ingest method on the stack:%n"));
    table(out, inIngest, top);
    out.append(String.format("... split by the library running under it (JDK: the JDK's own code under that method):%n"));
    table(out, inLibrary, top);
    out.append(String.format("... and the JDK methods at the top of those JDK samples:%n"));
    table(out, jdkFrames, 8);
    return out.toString();
  }

  private static void table(StringBuilder out, Map<String, LongAdder> counts, int top) {
    long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
    counts.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
        .limit(top)
        .forEach(e -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue().sum() / Math.max(1, total),
            e.getKey())));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
