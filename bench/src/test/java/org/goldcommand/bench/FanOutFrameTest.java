package org.goldcommand.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FanOutFrameTest {

  @Test
  void readsAnUpdatesSequenceAndTheBenchmarksNumber() {
    JsonObject data = new JsonObject().put("orgCode", "R0A1").put("seqNote", "\"seq\":99")
        .put("tableVersion", FanOutFrame.UPDATE_PREFIX + 4711).put("updatedAt", "2026-12-01T08:00:00Z");
    JsonObject update = new JsonObject().put("channel", "pressure.trust").put("kind", "update").put("epoch", "e")
        .put("seq", 12_345_678_901L).put("key", "R0A1").put("data", data);

    assertThat(parse(update)).isEqualTo(new FanOutFrame(FanOutFrame.Kind.UPDATE, 12_345_678_901L, 4711));
  }

  @Test
  void readsASnapshotsSequence() {
    JsonObject snapshot = new JsonObject().put("channel", "pressure.trust").put("kind", "snapshot").put("epoch", "e")
        .put("seq", 0).put("items", new io.vertx.core.json.JsonArray());

    assertThat(parse(snapshot)).isEqualTo(new FanOutFrame(FanOutFrame.Kind.SNAPSHOT, 0, -1));
  }

  @Test
  void tellsControlMessagesApart() {
    assertThat(parse(new JsonObject().put("op", "heartbeat").put("channels", new JsonObject())).kind())
        .isEqualTo(FanOutFrame.Kind.HEARTBEAT);
    assertThat(parse(new JsonObject().put("op", "error").put("code", "forbidden")).kind())
        .isEqualTo(FanOutFrame.Kind.ERROR);
    assertThat(parse(new JsonObject().put("op", "pong")).kind()).isEqualTo(FanOutFrame.Kind.OTHER);
    assertThat(FanOutFrame.parse(new byte[0]).kind()).isEqualTo(FanOutFrame.Kind.OTHER);
  }

  @Test
  void anUpdateWithoutTheBenchmarksNumberHasNone() {
    JsonObject update = new JsonObject().put("channel", "pressure.trust").put("kind", "update").put("seq", 3)
        .put("data", new JsonObject().put("tableVersion", "design-2026.11"));

    assertThat(parse(update)).isEqualTo(new FanOutFrame(FanOutFrame.Kind.UPDATE, 3, -1));
  }

  @Test
  void findsTheNumberInAKafkaRecordsValue() {
    String envelope = "{\"specversion\":\"1.0\",\"data\":{\"orgCode\":\"R0A1\",\"tableVersion\":\"bench#205\"}}";

    assertThat(FanOutFrame.updateIn(envelope.getBytes(StandardCharsets.UTF_8))).isEqualTo(205);
    assertThat(FanOutFrame.updateIn("{\"tableVersion\":\"bench#\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }

  private static FanOutFrame parse(JsonObject message) {
    return FanOutFrame.parse(message.encode().getBytes(StandardCharsets.UTF_8));
  }
}
