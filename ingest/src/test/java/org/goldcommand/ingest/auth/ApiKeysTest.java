package org.goldcommand.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.goldcommand.ingest.IngestConfig;
import org.goldcommand.platform.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

  @Test
  void aKeyIsKnownOnlyByItsHashAndBoundToItsOrganisations() {
    ApiKeys demo = ApiKeys.demo();
    ApiClient rxn = demo.authenticate("demo-key-rxn").orElseThrow();
    assertThat(rxn.mayActFor("RXN")).isTrue();
    assertThat(rxn.mayActFor("RXL")).isFalse();
    assertThat(demo.authenticate("demo-key-RXN")).isEmpty();
    assertThat(demo.authenticate("")).isEmpty();
    assertThat(ApiKeys.hash("demo-key-rxn")).hasSize(64).doesNotContain("demo");
  }

  @Test
  void aKeyFileOfItsOwnIsUsedAndMayNotContainADemoKey(@TempDir Path dir) throws Exception {
    Path own = dir.resolve("keys.yaml");
    Files.writeString(own, "keys:\n  - name: Preston EPR\n    sha256: " + ApiKeys.hash("s3cret-preston")
        + "\n    organisations: [RXN]\n");
    assertThat(ApiKeys.fromFile(own).authenticate("s3cret-preston")).isPresent();
    assertThat(ApiKeys.fromFile(own).authenticate("demo-key-rxn")).isEmpty();

    Path leaked = dir.resolve("leaked.yaml");
    Files.writeString(leaked, "keys:\n  - name: copied from the demo\n    sha256: " + ApiKeys.hash("demo-key-rxn")
        + "\n    organisations: [RXN]\n");
    assertThatThrownBy(() -> ApiKeys.fromFile(leaked)).hasMessageContaining("demo key");
  }

  @Test
  void outsideTheDemoProfileIngestRefusesToStartWithoutAKeyFile() {
    assertThatThrownBy(() -> IngestConfig.from(new Settings(Map.of())))
        .hasMessageContaining("GC_INGEST_API_KEYS_FILE is required outside the demo profile");
  }
}
