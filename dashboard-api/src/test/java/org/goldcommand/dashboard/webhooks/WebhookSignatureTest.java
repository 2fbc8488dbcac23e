package org.goldcommand.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  static final String BODY = "{\"alertId\":\"trust-level/RXN@1764547200000\",\"state\":\"RAISED\"}";

  @Test
  void hmacMatchesTheRfc4231Vector() {
    assertThat(WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theHeaderSignsTheTimestampAndBodyAsAReceiverRecomputesIt() {
    // Expected value computed independently: printf '%s' '<t>.<body>' | openssl dgst -sha256 -hmac <secret>
    assertThat(WebhookSignature.header("gold-command-test-secret", 1_764_547_200L, BODY))
        .isEqualTo("t=1764547200,v1=205482b4f2a389d7d123f24b873e70330152f5f62c2085ec27d1d9a3b247afa9");
  }

  @Test
  void verificationAcceptsTheSignatureAndRefusesATamperedBodyTimeOrSecret() {
    String header = WebhookSignature.header("gold-command-test-secret", 1_764_547_200L, BODY);
    assertThat(WebhookSignature.verify("gold-command-test-secret", header, BODY)).isTrue();
    assertThat(WebhookSignature.verify("gold-command-test-secret", header, BODY.replace("RAISED", "RESOLVED")))
        .isFalse();
    assertThat(WebhookSignature.verify("gold-command-test-secret", header.replace("t=1764547200", "t=1764547201"),
        BODY)).isFalse();
    assertThat(WebhookSignature.verify("another-secret-entirely", header, BODY)).isFalse();
    assertThat(WebhookSignature.verify("gold-command-test-secret", "v1=abc", BODY)).isFalse();
    assertThat(WebhookSignature.verify("gold-command-test-secret", null, BODY)).isFalse();
  }
}
