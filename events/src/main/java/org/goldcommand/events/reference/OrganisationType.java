package org.goldcommand.events.reference;

/** The kinds of organisation a system's command room deals with. */
public enum OrganisationType {
  ACUTE_TRUST,
  AMBULANCE_TRUST,
  PRIMARY_CARE_NETWORK,
  COMMUNITY_PHARMACY,
  VACCINATION_CENTRE
}
