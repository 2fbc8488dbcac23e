package org.goldcommand.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.goldcommand.events.validation.Violation;
import org.junit.jupiter.api.Test;

class AlertActionRequestTest {

  @Test
  void aNoteOrNothingIsAccepted() {
    assertThat(AlertActionRequest.violations(Map.of("note", "Escalated to gold"))).isEmpty();
    assertThat(AlertActionRequest.violations(Map.of())).isEmpty();
    assertThat(AlertActionRequest.of(Map.of("note", " Escalated to gold "))).isEqualTo(
        new AlertActionRequest("Escalated to gold"));
    assertThat(AlertActionRequest.of(Map.of("note", " "))).isEqualTo(new AlertActionRequest(null));
  }

  @Test
  void aNameInTheBodyIsRefusedBecauseWhoActsComesFromTheToken() {
    assertThat(AlertActionRequest.violations(Map.of("by", "Someone Else"))).singleElement()
        .satisfies(v -> {
          assertThat(v.path()).isEqualTo("by");
          assertThat(v.message()).contains("token");
        });
  }

  @Test
  void unknownFieldsOverlongTextAndANonTextNoteAreNamed() {
    assertThat(AlertActionRequest.violations(Map.of("user", "y"))).extracting(Violation::path).containsExactly("user");
    assertThat(AlertActionRequest.violations(Map.of("note", 3))).extracting(Violation::path).containsExactly("note");
    assertThat(AlertActionRequest.violations(Map.of("note", "n".repeat(2_001)))).extracting(Violation::path)
        .containsExactly("note");
  }
}
