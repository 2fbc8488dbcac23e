package org.goldcommand.ingest.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives ingest the way the trusts would: every {@code interval} it posts one sitrep per trust over
 * HTTP with an API key, through the same door and checks as a real feed. The simulated day moves
 * on {@code minutesPerTick} each time, so a whole winter day passes in minutes on the wall.
 */
public final class SitrepSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SitrepSimulator.class);

  private final URI endpoint;
  private final String apiKey;
  private final List<Organisation> trusts;
  private final Duration interval;
  private final double hoursPerTick;
  private final WinterDay day = new WinterDay(2026);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sitrep-simulator");
    t.setDaemon(true);
    return t;
  });
  private final Clock clock;
  private double hourOfDay = 7.0;

  public SitrepSimulator(URI ingest, String apiKey, List<Organisation> trusts, Duration interval, int minutesPerTick,
      Clock clock) {
    this.endpoint = ingest.resolve("/v1/sitreps");
    this.apiKey = apiKey;
    this.trusts = List.copyOf(trusts);
    this.interval = interval;
    this.hoursPerTick = minutesPerTick / 60.0;
    this.clock = clock;
  }

  /** Starts posting; the first round goes at once. */
  public void start() {
    ticker.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    Instant asAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    for (Organisation trust : trusts) {
      Sitrep sitrep = day.sitrep(trust, hourOfDay, asAt, UUID.randomUUID().toString());
      try {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(sitrep)))
            .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
          if (error != null) {
            LOG.warn("Simulator could not post {}'s sitrep: {}", trust.code(), error.toString());
          } else if (response.statusCode() != 202) {
            LOG.warn("Ingest answered {} to {}'s sitrep: {}", response.statusCode(), trust.code(), response.body());
          }
        });
      } catch (java.io.IOException e) {
        LOG.warn("Simulator could not encode {}'s sitrep", trust.code(), e);
      }
    }
    hourOfDay = (hourOfDay + hoursPerTick) % 24;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
