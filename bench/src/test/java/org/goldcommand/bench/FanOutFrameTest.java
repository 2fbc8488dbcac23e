package org.goldcommand.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FanOutFrameTest {

  private static JsonObject pressure(String org, String tableVersion) {
    return new JsonObject().put("orgCode", org).put("orgName", "Hôpital Sainte-Thérèse").put("seqNote", "\"seq\":99")
        .put("tableVersion", tableVersion).put("updatedAt", "2026-12-01T08:00:00Z");
  }

  @Test
  void readsAnUpdatesSequenceAndTheBenchmarksNumber() {
    JsonObject update = new JsonObject().put("channel", "pressure.trust").put("kind", "update").put("epoch", "e")
        .put("seq", 12_345_678_901L).put("key", "R0A1").put("data", pressure("R0A1", FanOutFrame.UPDATE_PREFIX + 4711));

    FanOutFrame frame = parse(update);

    assertThat(frame.kind()).isEqualTo(FanOutFrame.Kind.UPDATE);
    assertThat(frame.seq()).isEqualTo(12_345_678_901L);
    assertThat(frame.itemSeqs()).containsExactly(12_345_678_901L);
    assertThat(frame.itemUpdates()).containsExactly(4711);
  }

  @Test
  void readsEveryChangeOfABatchInOrder() {
    JsonArray items = new JsonArray();
    for (int i = 0; i < 20; i++) {
      items.add(new JsonObject().put("seq", 100 + i).put("key", "R" + i)
          .put("data", pressure("R" + i, i == 7 ? "design-2026.11" : FanOutFrame.UPDATE_PREFIX + (500 + i))));
    }
    JsonObject batch = new JsonObject().put("channel", "pressure.trust").put("kind", "updates").put("epoch", "e")
        .put("seq", 119).put("items", items);

    FanOutFrame frame = parse(batch);

    assertThat(frame.kind()).isEqualTo(FanOutFrame.Kind.UPDATES);
    assertThat(frame.seq()).isEqualTo(119);
    assertThat(frame.itemSeqs()).hasSize(20).startsWith(100, 101).endsWith(119);
    assertThat(frame.itemUpdates()).hasSize(20).startsWith(500, 501).endsWith(519);
    assertThat(frame.itemUpdates()[7]).as("an item without the benchmark's number").isEqualTo(-1);
  }

  @Test
  void readsASnapshotsSequence() {
    JsonObject snapshot = new JsonObject().put("channel", "pressure.trust").put("kind", "snapshot").put("epoch", "e")
        .put("seq", 0).put("items", new JsonArray());

    FanOutFrame frame = parse(snapshot);

    assertThat(frame.kind()).isEqualTo(FanOutFrame.Kind.SNAPSHOT);
    assertThat(frame.seq()).isZero();
    assertThat(frame.itemSeqs()).isEmpty();
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

    assertThat(parse(update).itemUpdates()).containsExactly(-1);
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
