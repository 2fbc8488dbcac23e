package org.goldcommand.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void unsetValuesTakeTheirDefaultsAndSetOnesAreParsed() {
    Settings settings = new Settings(Map.of("GC_PORT", "9000", "GC_PROFILE", "Demo"));
    assertThat(settings.port("GC_PORT", 8080)).isEqualTo(9000);
    assertThat(settings.port("GC_OTHER_PORT", 8080)).isEqualTo(8080);
    assertThat(Profile.from(settings)).isEqualTo(Profile.DEMO);
    settings.validate();
  }

  @Test
  void everyBadValueIsReportedAtOnceWithItsName() {
    Settings settings = new Settings(Map.of("GC_PORT", "eighty", "GC_THREADS", "0", "GC_PROFILE", "staging"));
    settings.port("GC_PORT", 8080);
    settings.integer("GC_THREADS", 1, 1, 64);
    Profile.from(settings);
    assertThatThrownBy(settings::validate)
        .isInstanceOf(Settings.InvalidSettingsException.class)
        .hasMessageContaining("GC_PORT=eighty")
        .hasMessageContaining("GC_THREADS=0 is not a whole number from 1 to 64")
        .hasMessageContaining("GC_PROFILE=staging is not one of [DEMO, PRODUCTION]");
  }

  @Test
  void theDefaultProfileIsProductionSoDemoKeysAreNeverOnByAccident() {
    assertThat(Profile.from(new Settings(Map.of()))).isEqualTo(Profile.PRODUCTION);
  }
}
