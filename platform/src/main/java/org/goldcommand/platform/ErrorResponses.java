package org.goldcommand.platform;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.goldcommand.events.validation.Violation;

/**
 * The one JSON error shape every HTTP API answers with:
 * {@code {"error": "...", "violations": [{"path": "...", "message": "..."}]}}, so clients parse
 * errors the same way everywhere and always learn which field was wrong.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  /** Ends the request with a status and a message. */
  public static void send(RoutingContext ctx, int status, String error) {
    send(ctx, status, error, List.of());
  }

  /** Ends the request with a status, a message and the violations behind it. */
  public static void send(RoutingContext ctx, int status, String error, List<Violation> violations) {
    JsonArray list = new JsonArray();
    violations.forEach(v -> list.add(new JsonObject().put("path", v.path()).put("message", v.message())));
    JsonObject body = new JsonObject().put("error", error);
    if (!violations.isEmpty()) {
      body.put("violations", list);
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
