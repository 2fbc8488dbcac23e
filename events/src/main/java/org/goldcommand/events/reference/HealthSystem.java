package org.goldcommand.events.reference;

import java.util.List;

/**
 * An integrated care system: the unit a Gold Command room watches.
 *
 * @param code ICB code, for example QE1
 * @param name the system's name
 * @param organisations the organisations in it
 */
public record HealthSystem(String code, String name, List<Organisation> organisations) {

  public HealthSystem {
    organisations = List.copyOf(organisations);
  }
}
