package org.goldcommand.dashboard.webhooks;

import org.goldcommand.dashboard.auth.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.Severity;
import org.junit.jupiter.api.Test;

class SubscriptionsFileTest {

  @Test
  void theDemoFileLoadsWithItsWebhooksDisabledAndNeedsNoSecrets() {
    Subscriptions demo = SubscriptionsFile.load(null, name -> null);
    assertThat(demo.version()).isNotBlank();
    assertThat(demo.all()).extracting(Subscription::id).contains("qe1-system-leads", "qe1-pharmacy-on-call");
    assertThat(demo.all()).allSatisfy(s -> assertThat(s.webhook().enabled()).isFalse());
    Subscription pharmacy = demo.all().get(1);
    assertThat(pharmacy.role()).isEqualTo(Role.PHARMACIST);
    assertThat(pharmacy.trusts()).containsExactlyInAnyOrder("RXN", "RTX");
    assertThat(pharmacy.kinds()).containsExactlyInAnyOrder(AlertKind.COLD_CHAIN_EXCURSION, AlertKind.DOSES_AT_RISK);
  }

  @Test
  void anEnabledWebhookTakesItsSecretFromTheNamedVariable() {
    Subscriptions loaded = SubscriptionsFile.parse("""
        version: "3"
        subscriptions:
          - id: leads
            role: system-lead
            systems: [QE1]
            minimumSeverity: critical
            delivery:
              webhook: {url: "https://hooks.example.nhs.uk/gc", secretEnv: LEADS_SECRET}
        """, Map.of("LEADS_SECRET", "s3cret-of-enough-length")::get);
    Subscription leads = loaded.all().get(0);
    assertThat(leads.webhook().secret()).isEqualTo("s3cret-of-enough-length");
    assertThat(leads.webhook().enabled()).isTrue();
    assertThat(leads.minimumSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(leads.trusts()).isEmpty();
    assertThat(leads.toString()).doesNotContain("s3cret");
  }

  @Test
  void everyProblemIsReportedAtOnceWithTheFieldAtFault() {
    assertThatThrownBy(() -> SubscriptionsFile.parse("""
        version: "3"
        subscriptions:
          - id: a
            role: night-manager
            systems: []
            trust: [RXN]
            minimumSeverity: LOUD
            kinds: [BED_OCCUPANCY]
            delivery:
              webhook: {url: "ftp://x", secretEnv: MISSING}
          - id: a
            role: admin
            systems: ["*"]
            delivery:
              webhook: {url: "http://localhost/x", secretEnv: MISSING, enabled: false}
          - id: a
            role: admin
            systems: ["*"]
            delivery:
              webhook: {url: "http://localhost/x", secretEnv: MISSING, enabled: false}
        """, name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subscriptions[0].role")
        .hasMessageContaining("subscriptions[0].systems")
        .hasMessageContaining("subscriptions[0].trust: unknown field")
        .hasMessageContaining("subscriptions[0].minimumSeverity")
        .hasMessageContaining("subscriptions[0].kinds")
        .hasMessageContaining("subscriptions[0].delivery.webhook.url")
        .hasMessageContaining("environment variable MISSING")
        .hasMessageContaining("subscriptions[2].id: 'a' is used twice");
  }

  @Test
  void aFileWithoutVersionOrListIsRefused() {
    assertThatThrownBy(() -> SubscriptionsFile.parse("note: nothing here", name -> null))
        .hasMessageContaining("version: required").hasMessageContaining("subscriptions: required");
  }
}
