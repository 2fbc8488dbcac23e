package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.junit.jupiter.api.Test;

/** With Kafka gone, a sender hears "resend" (AE), never AA, and the listener keeps answering. */
class Hl7BrokerOutageIT {

  static String admit(String controlId) {
    return "MSH|^~\\&|PAS|RXL|GOLDCOMMAND|GOLDCOMMAND|20241101120000||ADT^A01|" + controlId + "|P|2.5.1\r"
        + "EVN|A01|20241101115900\rPV1|1|I|WARD3^^BED2^RXL01||||||||||||||||VN9\r";
  }

  @Test
  void withTheBrokerStoppedMessagesAreNackedNotAcknowledged() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    KafkaBroker broker = KafkaBroker.startPrivate();
    boolean stopped = false;
    broker.createTopics(Topics.all());
    try (Hl7Harness hl7 = new Hl7Harness(broker.bootstrapServers()); MllpClient client = hl7.client()) {
      assertThat(Ack.parse(client.send(admit("UP-" + run))).code()).isEqualTo("AA");

      broker.close();
      stopped = true;

      Ack down = Ack.parse(client.send(admit("DOWN-" + run)));
      assertThat(down.code()).isEqualTo("AE");
      assertThat(down.controlId()).isEqualTo("DOWN-" + run);
      assertThat(down.text()).isEqualTo("temporarily unable to store; resend");
      assertThat(down.errorCode()).isEqualTo("207");
      assertThat(hl7.count("unavailable")).isEqualTo(1);
      assertThat(hl7.count("accepted")).isEqualTo(1);
    } finally {
      if (!stopped) {
        broker.close();
      }
    }
  }
}
