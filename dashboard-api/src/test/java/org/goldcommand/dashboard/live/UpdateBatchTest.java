package org.goldcommand.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class UpdateBatchTest {

  private final LiveChannel channel = new LiveChannel("pressure.trust", 1_000);

  private List<LiveChannel.Update> publish(String... orgsAndSystems) {
    for (int i = 0; i < orgsAndSystems.length; i += 2) {
      channel.publish(orgsAndSystems[i], new JsonObject().put("orgCode", orgsAndSystems[i])
          .put("systemCode", orgsAndSystems[i + 1]).put("n", i / 2));
    }
    return channel.since(0).orElseThrow();
  }

  @Test
  void aMessageHoldsTheChangesItsFilterPassesInOrderAndResumesFromTheLast() {
    UpdateBatch batch = new UpdateBatch(channel.name(), channel.epoch(),
        publish("RXN", "QE1", "RBT", "QYG", "RXL", "QE1"));

    JsonObject message = new JsonObject(
        batch.messagesFor(u -> "QE1".equals(u.data().getString("systemCode"))).get(0).text());

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
    Predicate<LiveChannel.Update> everything = u -> true;
    Predicate<LiveChannel.Update> alsoEverything = u -> u.data().containsKey("orgCode");

    assertThat(batch.messagesFor(everything)).isSameAs(batch.messagesFor(alsoEverything));
    assertThat(batch.messagesFor(u -> "QYG".equals(u.data().getString("systemCode"))))
        .isNotSameAs(batch.messagesFor(everything));
  }

  @Test
  void aLongPeriodIsSplitIntoMessagesOfAFrameEachKeepingEveryChangeInOrder() {
    String filler = "x".repeat(1_000);
    for (int i = 0; i < 200; i++) {
      channel.publish("T" + (i % 50), new JsonObject().put("orgCode", "T" + (i % 50)).put("filler", filler));
    }
    List<LiveChannel.Update> all = channel.since(0).orElseThrow();

    List<UpdateBatch.Message> messages = new UpdateBatch(channel.name(), channel.epoch(), all).messagesFor(u -> true);

    assertThat(messages).hasSizeGreaterThan(1)
        .allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(UpdateBatch.MESSAGE_CHARS + 200));
    List<Long> seqs = messages.stream().flatMap(m -> new JsonObject(m.text()).getJsonArray("items").stream())
        .map(i -> ((JsonObject) i).getLong("seq")).toList();
    assertThat(seqs).containsExactlyElementsOf(all.stream().map(LiveChannel.Update::seq).toList());
    assertThat(messages).allSatisfy(m -> assertThat(new JsonObject(m.text()).getLong("seq"))
        .isEqualTo(m.updates().get(m.updates().size() - 1).seq()));
  }

  @Test
  void noMessageWhenNothingPasses() {
    UpdateBatch batch = new UpdateBatch(channel.name(), channel.epoch(), publish("RXN", "QE1"));

    assertThat(batch.messagesFor(u -> false)).isEmpty();
    assertThat(batch.passing(u -> false)).isEmpty();
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
