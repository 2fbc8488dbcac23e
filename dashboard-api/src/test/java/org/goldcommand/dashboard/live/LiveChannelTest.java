package org.goldcommand.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveChannelTest {

  @Test
  void aSubscriberWhoseDeliveryFailsNeverKeepsAChangeFromTheOthers() {
    LiveChannel channel = new LiveChannel("pressure.trust", 10);
    List<Long> before = new ArrayList<>();
    List<Long> after = new ArrayList<>();
    channel.subscribe(update -> before.add(update.seq()));
    channel.subscribe(update -> {
      throw new IllegalStateException("WebSocket is closed");
    });
    channel.subscribe(update -> after.add(update.seq()));

    channel.publish("RXN", new JsonObject().put("orgCode", "RXN"));
    channel.publish("RXL", new JsonObject().put("orgCode", "RXL"));

    assertThat(before).containsExactly(1L, 2L);
    assertThat(after).containsExactly(1L, 2L);
  }
}
