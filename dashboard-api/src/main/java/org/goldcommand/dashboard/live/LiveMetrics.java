package org.goldcommand.dashboard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What the live channels report about their own delivery, so the command room's monitoring can see
 * a wall falling behind before a person does: messages written, changes conflated for a slow
 * client (an older value replaced by a newer one for the same key), and push latency, from a
 * change reaching its channel to its frame being handed to the client's socket.
 *
 * @param pushed {@code gc.ws.messages.pushed}
 * @param conflated {@code gc.ws.messages.conflated}
 * @param pushLatency {@code gc.ws.push.latency}, with a histogram for percentiles in Prometheus
 */
record LiveMetrics(Counter pushed, Counter conflated, Timer pushLatency) {

  static LiveMetrics register(MeterRegistry registry) {
    return new LiveMetrics(
        Counter.builder("gc.ws.messages.pushed").description("Frames written to WebSocket clients")
            .register(registry),
        Counter.builder("gc.ws.messages.conflated")
            .description("Changes replaced by a newer value for the same key while a client was slow").register(registry),
        Timer.builder("gc.ws.push.latency").description("From a change reaching its channel to its frame being written")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10)).register(registry));
  }
}
