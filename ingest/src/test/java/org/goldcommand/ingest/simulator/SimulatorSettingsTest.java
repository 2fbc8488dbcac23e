package org.goldcommand.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.goldcommand.events.reference.OrganisationType;
import org.goldcommand.platform.Settings;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

  @Test
  void defaultsPlayTheLancashireDayAtAnHourAMinuteThroughEveryAdapter() {
    SimulatorSettings settings = SimulatorSettings.from(new Settings(Map.of("GC_SIMULATOR_API_KEY", "k")));
    assertThat(settings.scenario()).isEqualTo(SimulatorSettings.Scenarios.LSC_WINTER_DAY);
    assertThat(settings.ingestUrl()).hasToString("http://localhost:8081");
    assertThat(settings.speed()).isEqualTo(60);
    assertThat(settings.startHour()).isNull();
    assertThat(settings.hl7()).isTrue();
    assertThat(settings.mllpPort()).isEqualTo(2575);
    assertThat(settings.fhir()).isTrue();
    assertThat(settings.reference().organisations(OrganisationType.ACUTE_TRUST)).hasSize(4);
  }

  @Test
  void theNationalScenarioSwitchesAdaptersOffAndStartsWhereItIsTold() {
    SimulatorSettings settings = SimulatorSettings.from(new Settings(Map.of("GC_SIMULATOR_API_KEY", "k",
        "GC_SIMULATOR_SCENARIO", "national", "GC_SIMULATOR_HL7_ENABLED", "off", "GC_SIMULATOR_FHIR_ENABLED", "false",
        "GC_SIMULATOR_START_HOUR", "6", "GC_SIMULATOR_RUN_HOURS", "3", "GC_SIMULATOR_SPEED", "1")));
    assertThat(settings.hl7()).isFalse();
    assertThat(settings.fhir()).isFalse();
    assertThat(settings.startHour()).isEqualTo(6);
    assertThat(settings.runHours()).isEqualTo(3);
    assertThat(settings.reference().organisations(OrganisationType.ACUTE_TRUST)).hasSize(200);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> SimulatorSettings.from(new Settings(Map.of("GC_SIMULATOR_SCENARIO", "mars",
        "GC_SIMULATOR_SPEED", "0", "GC_SIMULATOR_HL7_ENABLED", "maybe", "GC_SIMULATOR_INGEST_URL", "ftp://x",
        "GC_SIMULATOR_START_HOUR", "24", "GC_SIMULATOR_REFERENCE_FILE", "/no/such/file.yaml"))))
        .isInstanceOf(Settings.InvalidSettingsException.class)
        .hasMessageContaining("GC_SIMULATOR_SCENARIO=mars").hasMessageContaining("GC_SIMULATOR_SPEED=0")
        .hasMessageContaining("GC_SIMULATOR_HL7_ENABLED=maybe").hasMessageContaining("GC_SIMULATOR_INGEST_URL=ftp://x")
        .hasMessageContaining("GC_SIMULATOR_START_HOUR=24").hasMessageContaining("GC_SIMULATOR_API_KEY is required")
        .hasMessageContaining("GC_SIMULATOR_REFERENCE_FILE");
  }
}
