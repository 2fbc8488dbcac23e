package org.goldcommand.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.goldcommand.dashboard.DashboardConfig;
import org.goldcommand.platform.Settings;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

  static DashboardConfig config(Map<String, String> env) {
    return DashboardConfig.from(new Settings(env));
  }

  @Test
  void theDemoSignsItsOwnTokens() {
    AuthSettings auth = config(Map.of("GC_PROFILE", "demo")).auth();
    assertThat(auth.localIssuer()).isTrue();
    assertThat(auth.issuer()).isEqualTo(LocalIssuer.ISSUER);
  }

  @Test
  void productionNeedsAnIdentityProviderAndRefusesTheDemoOnes() {
    assertThatThrownBy(() -> config(Map.of())).hasMessageContaining("GC_JWT_JWKS_URL is required");
    assertThatThrownBy(() -> config(Map.of("GC_AUTH_LOCAL_ISSUER", "true", "GC_JWT_JWKS_URL", "https://idp/jwks",
        "GC_JWT_ISSUER", "https://idp"))).hasMessageContaining("only in the demo profile");
    assertThatThrownBy(() -> config(Map.of("GC_JWT_JWKS_URL", "https://idp/jwks")))
        .hasMessageContaining("GC_JWT_ISSUER is required");
    assertThatThrownBy(() -> config(Map.of("GC_JWT_JWKS_URL", "https://idp/jwks", "GC_JWT_ISSUER", "https://idp",
        "GC_GRAFANA_WEBHOOK_TOKEN", DashboardConfig.DEMO_GRAFANA_TOKEN))).hasMessageContaining("GC_GRAFANA_WEBHOOK_TOKEN");
    AuthSettings auth = config(Map.of("GC_JWT_JWKS_URL", "https://idp/jwks", "GC_JWT_ISSUER", "https://idp",
        "GC_JWT_AUDIENCE", "command-room")).auth();
    assertThat(auth.localIssuer()).isFalse();
    assertThat(auth.jwksUrl()).isEqualTo("https://idp/jwks");
    assertThat(auth.audience()).isEqualTo("command-room");
  }
}
