package org.goldcommand.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.goldcommand.events.validation.Violation;
import org.junit.jupiter.api.Test;

class AlertActionRequestTest {

  @Test
  void aNameAndANoteAreAccepted() {
    Map<String, Object> body = Map.of("by", " Dr A Lead ", "note", "Escalated to gold");
    assertThat(AlertActionRequest.violations(body)).isEmpty();
    assertThat(AlertActionRequest.of(body)).isEqualTo(new AlertActionRequest("Dr A Lead", "Escalated to gold"));
    assertThat(AlertActionRequest.of(Map.of("by", "x", "note", " "))).isEqualTo(new AlertActionRequest("x", null));
  }

  @Test
  void aMissingBlankOrWrongTypedByIsNamed() {
    assertThat(AlertActionRequest.violations(Map.of())).extracting(Violation::path).containsExactly("by");
    assertThat(AlertActionRequest.violations(Map.of("by", "  "))).extracting(Violation::path).containsExactly("by");
    assertThat(AlertActionRequest.violations(Map.of("by", 7))).extracting(Violation::path).containsExactly("by");
  }

  @Test
  void unknownFieldsOverlongTextAndANonTextNoteAreNamed() {
    assertThat(AlertActionRequest.violations(Map.of("by", "x", "user", "y"))).extracting(Violation::path)
        .containsExactly("user");
    assertThat(AlertActionRequest.violations(Map.of("by", "x".repeat(201), "note", 3))).extracting(Violation::path)
        .containsExactlyInAnyOrder("by", "note");
    assertThat(AlertActionRequest.violations(Map.of("by", "x", "note", "n".repeat(2_001)))).extracting(Violation::path)
        .containsExactly("note");
  }
}
