package org.goldcommand.ingest.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.goldcommand.platform.ErrorResponses;

/**
 * Route handler that admits only requests bearing a known API key
 * ({@code Authorization: Bearer <key>}) and leaves the {@link ApiClient} on the context for the
 * per-organisation check that follows body parsing.
 */
public final class FeedAuthentication implements Handler<RoutingContext> {

  /** The context key under which the authenticated client is stored. */
  public static final String CLIENT = "gc.apiClient";

  private final ApiKeys keys;

  public FeedAuthentication(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ErrorResponses.send(ctx, 401, "An API key is required: send 'Authorization: Bearer <key>'");
      return;
    }
    Optional<ApiClient> client = keys.authenticate(header.substring(7).trim());
    if (client.isEmpty()) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      ErrorResponses.send(ctx, 401, "The API key is not recognised");
      return;
    }
    ctx.put(CLIENT, client.get());
    ctx.next();
  }
}
