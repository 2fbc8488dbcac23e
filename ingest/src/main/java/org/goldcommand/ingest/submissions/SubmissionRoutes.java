package org.goldcommand.ingest.submissions;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.goldcommand.events.serde.Json;
import org.goldcommand.ingest.auth.ApiClient;
import org.goldcommand.ingest.auth.FeedAuthentication;
import org.goldcommand.platform.ErrorResponses;

/**
 * {@code GET /v1/sitreps}: what Gold Command holds for the caller's organisations over the last 14
 * days: each accepted return (and which later return corrected it) and each refusal with its
 * reason. It is what the submission form shows a trust, and what a trust's own system can use to
 * reconcile.
 */
public final class SubmissionRoutes {

  private final SubmissionLog log;

  public SubmissionRoutes(SubmissionLog log) {
    this.log = log;
  }

  /** Handles the listing. */
  public void list(RoutingContext ctx) {
    if (!log.caughtUp()) {
      ctx.response().putHeader("Retry-After", "2");
      ErrorResponses.send(ctx, 503, "Still reading recent submissions; retry in a moment");
      return;
    }
    ApiClient client = ctx.get(FeedAuthentication.CLIENT);
    SubmissionLog.Recent recent = log.recent(client.organisations());
    JsonArray accepted = new JsonArray();
    recent.accepted().forEach(a -> accepted.add(new JsonObject()
        .put("submissionId", a.submissionId())
        .put("receivedAt", a.receivedAt().toString())
        .put("supersededBy", recent.supersededBy().get(a.submissionId()))
        .put("sitrep", new JsonObject(Json.mapper().valueToTree(a.sitrep()).toString()))));
    JsonArray refused = new JsonArray();
    recent.refused().forEach(r -> refused.add(new JsonObject().put("at", r.at().toString()).put("status", r.status())
        .put("reason", r.reason())));
    ctx.json(new JsonObject()
        .put("organisations", new JsonArray(client.organisations().stream().sorted().toList()))
        .put("days", SubmissionLog.WINDOW.toDays())
        .put("accepted", accepted)
        .put("refused", refused));
  }
}
