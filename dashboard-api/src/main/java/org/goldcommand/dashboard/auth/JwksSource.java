package org.goldcommand.dashboard.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link TokenVerifier}'s keys current from the identity provider's JWKS URL: fetched at
 * start, then again every refresh period, so a rotated signing key is picked up without a restart.
 * A failed refresh keeps the keys already held (an identity provider's brief outage must not sign
 * the whole command room out); until the first fetch succeeds it is retried every few seconds and
 * dashboard-api reports itself not ready.
 */
public final class JwksSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JwksSource.class);
  private static final long RETRY_MS = 5_000;

  private final Vertx vertx;
  private final WebClient client;
  private final String url;
  private final Duration refresh;
  private final TokenVerifier verifier;
  private long timer = -1;
  private volatile boolean closed;

  public JwksSource(Vertx vertx, String url, Duration refresh, TokenVerifier verifier) {
    this.vertx = vertx;
    this.client = WebClient.create(vertx);
    this.url = url;
    this.refresh = refresh;
    this.verifier = verifier;
  }

  /** Starts fetching; the keys arrive in the verifier when the first fetch succeeds. */
  public void start() {
    fetch();
  }

  private void fetch() {
    client.getAbs(url).timeout(10_000).send()
        .compose(response -> response.statusCode() == 200
            ? Future.succeededFuture(keys(response.bodyAsJsonObject()))
            : Future.failedFuture("HTTP " + response.statusCode()))
        .onSuccess(keys -> {
          verifier.useKeys(keys);
          schedule(refresh.toMillis());
        })
        .onFailure(e -> {
          LOG.warn("Could not fetch token keys from {}: {}", url, e.getMessage());
          schedule(verifier.hasKeys() ? refresh.toMillis() : RETRY_MS);
        });
  }

  private static List<JsonObject> keys(JsonObject jwks) {
    JsonArray keys = jwks == null ? null : jwks.getJsonArray("keys");
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException("the JWKS has no keys");
    }
    return keys.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  private void schedule(long delayMs) {
    if (!closed) {
      timer = vertx.setTimer(delayMs, id -> fetch());
    }
  }

  @Override
  public void close() {
    closed = true;
    vertx.cancelTimer(timer);
    client.close();
  }
}
