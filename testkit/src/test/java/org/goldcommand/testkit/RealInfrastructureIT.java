package org.goldcommand.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RealKafka.class, RealPostgres.class})
class RealInfrastructureIT {

  @Test
  void theBrokerTakesAndReturnsARecordWithAcksAll(KafkaBroker broker) throws Exception {
    Map<String, Object> producerProps = Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all",
        "enable.idempotence", true);
    try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("testkit.smoke", "RXN", "hello")).get();
    }
    Map<String, Object> consumerProps = Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "testkit",
        "auto.offset.reset", "earliest", "isolation.level", "read_committed");
    try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("testkit.smoke"));
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      for (int i = 0; i < 50 && records.isEmpty(); i++) {
        records = consumer.poll(Duration.ofMillis(200));
      }
      assertThat(records.iterator().next().value()).isEqualTo("hello");
    }
  }

  @Test
  void eachTestDatabaseIsFreshAndIsolated(TestDatabase first, TestDatabase second) throws Exception {
    assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
    try (Connection c = first.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE only_here (id int)");
    }
    try (Connection c = second.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
