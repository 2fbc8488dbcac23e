package org.goldcommand.events.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One change a person made, v1 ({@code audit.v1}, keyed by {@code <targetType>/<targetId>}): who,
 * when, what, and to what. Written by the service that accepted the change, only once Kafka has
 * acknowledged the change itself, so the audit log never claims a change that was lost.
 *
 * @param id idempotency key
 * @param at when the change was accepted
 * @param actor who made it
 * @param role the role they acted in
 * @param action what they did, for example {@code alert.acknowledge}
 * @param targetType what kind of thing, for example {@code alert}
 * @param targetId which one
 * @param systemCode the system the target belongs to, so system leads can query their own
 * @param details anything else worth keeping (a note, an amended quantity)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(String id, Instant at, String actor, String role, String action, String targetType,
    String targetId, String systemCode, Map<String, String> details) {

  public AuditEntry {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
