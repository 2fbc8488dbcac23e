package org.goldcommand.dashboard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What the live channels report about their own delivery, so the command room's monitoring can see
 * a wall falling behind before a person does: messages written, changes conflated for a slow
 * client (an older value replaced by a newer one for the same key), changes dropped because the
 * client they were held for went away (it stopped answering pings, its token expired, or it
 * unsubscribed) before it could take them, and push latency, from a change reaching its channel to
 * its frame being handed to the client's socket.
 *
 * @param pushed {@code gc.ws.messages.pushed}
 * @param conflated {@code gc.ws.messages.conflated}
 * @param dropped {@code gc.ws.messages.dropped}
 * @param pushLatency {@code gc.ws.push.latency}, with a histogram for percentiles in Prometheus
 */
record LiveMetrics(Counter pushed, Counter conflated, Counter dropped, Timer pushLatency) {

  static LiveMetrics register(MeterRegistry registry) {
    return new LiveMetrics(
        Counter.builder("gc.ws.messages.pushed").description("Changes (update frames) written to WebSocket clients")
            .register(registry),
        Counter.builder("gc.ws.messages.conflated")
            .description("Changes replaced by a newer value for the same key while a client was slow").register(registry),
        Counter.builder("gc.ws.messages.dropped")
            .description("Changes held for a slow client that went away before taking them").register(registry),
        Timer.builder("gc.ws.push.latency").description("From a change reaching its channel to its frame being written")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10)).register(registry));
  }
}
