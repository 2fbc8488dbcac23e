package org.goldcommand.streams.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RememberedStoreTest {

  KeyValueStore<String, String> store;

  @BeforeEach
  void open() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("remembered"), Serdes.String(), Serdes.String())
        .withLoggingDisabled().withCachingDisabled().build();
    store.init(new MockProcessorContext<String, String>().getStateStoreContext(), store);
  }

  @Test
  void everyWriteReachesTheStoreSoNothingRestsOnTheCopyAlone() {
    RememberedStore<String, String> remembered = RememberedStore.of(store);

    remembered.put("RXN", "OPEL 3");
    remembered.put("RXN", "OPEL 4");
    remembered.put("RTX", "OPEL 2");
    remembered.delete("RTX");

    assertThat(store.get("RXN")).isEqualTo("OPEL 4");
    assertThat(store.get("RTX")).isNull();
    assertThat(remembered.get("RXN")).isEqualTo("OPEL 4");
    assertThat(remembered.get("RTX")).isNull();
  }

  @Test
  void aNewCopyReadsWhatTheStoreHolds() {
    store.put("RXL", "restored from the changelog");

    RememberedStore<String, String> afterInit = RememberedStore.of(store);

    assertThat(afterInit.get("RXL")).isEqualTo("restored from the changelog");
    assertThat(afterInit.get("RXR")).isNull();
    store.put("RXR", "written elsewhere after a miss");
    assertThat(RememberedStore.of(store).get("RXR")).isEqualTo("written elsewhere after a miss");
  }
}
