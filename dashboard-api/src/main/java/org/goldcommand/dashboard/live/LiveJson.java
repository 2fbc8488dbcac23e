package org.goldcommand.dashboard.live;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.goldcommand.events.serde.Json;

/**
 * Converts event payloads to the JSON pushed to clients with the same mapping as the topics (ISO
 * instants), so a value reads the same on the wire as in Kafka.
 */
public final class LiveJson {

  private LiveJson() {}

  /** The payload as a Vert.x JSON object. */
  @SuppressWarnings("unchecked") // a Jackson object node always converts to a String-keyed map
  public static JsonObject of(Object payload) {
    return new JsonObject(Json.mapper().convertValue(payload, Map.class));
  }
}
