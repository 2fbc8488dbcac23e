package org.goldcommand.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class UpdateBatchTest {

  private final LiveChannel channel = new LiveChannel("pressure.trust", 100);

  private List<LiveChannel.Update> publish(String... orgsAndSystems) {
    for (int i = 0; i < orgsAndSystems.length; i += 2) {
      channel.publish(orgsAndSystems[i], new JsonObject().put("orgCode", orgsAndSystems[i])
          .put("systemCode", orgsAndSystems[i + 1]).put("n", i / 2));
    }
    return channel.since(0).orElseThrow();
  }

  @Test
  void aMessageHoldsTheChangesItsFilterPassesInOrderAndResumesFromTheLast() {
    UpdateBatch batch = new UpdateBatch(channel.name(), channel.epoch(), publish("RXN", "QE1", "RBT", "QYG", "RXL", "QE1"));

    JsonObject message = new JsonObject(batch.messageFor(v -> "QE1".equals(v.getString("systemCode"))).text());

    assertThat(message.getString("kind")).isEqualTo("updates");
    assertThat(message.getString("epoch")).isEqualTo(channel.epoch());
    assertThat(message.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("key")))
        .containsExactly("RXN", "RXL");
    assertThat(message.getLong("seq")).isEqualTo(3);
    assertThat(message.getJsonArray("items").getJsonObject(1).getJsonObject("data").getInteger("n")).isEqualTo(2);
  }

  @Test
  void clientsLetThroughTheSameChangesShareOneEncodedMessage() {
    UpdateBatch batch = new UpdateBatch(channel.name(), channel.epoch(), publish("RXN", "QE1", "RBT", "QYG"));
    Predicate<JsonObject> everything = v -> true;
    Predicate<JsonObject> alsoEverything = v -> v.containsKey("orgCode");

    assertThat(batch.messageFor(everything)).isSameAs(batch.messageFor(alsoEverything));
    assertThat(batch.messageFor(v -> "QYG".equals(v.getString("systemCode"))))
        .isNotSameAs(batch.messageFor(everything));
  }

  @Test
  void noMessageWhenNothingPasses() {
    UpdateBatch batch = new UpdateBatch(channel.name(), channel.epoch(), publish("RXN", "QE1"));

    assertThat(batch.messageFor(v -> false)).isNull();
    assertThat(batch.passing(v -> false)).isEmpty();
  }

  @Test
  void anUpdateMessageAndABatchItemCarryTheSameChange() {
    LiveChannel.Update update = publish("RXN", "QE1").get(0);

    JsonObject single = new JsonObject(update.frame());
    JsonObject item = new JsonObject(update.item());

    assertThat(single.getString("kind")).isEqualTo("update");
    assertThat(single.getString("channel")).isEqualTo("pressure.trust");
    assertThat(single.getLong("seq")).isEqualTo(item.getLong("seq"));
    assertThat(single.getString("key")).isEqualTo(item.getString("key"));
    assertThat(single.getJsonObject("data")).isEqualTo(item.getJsonObject("data"));
  }
}
