package org.goldcommand.events.reference;

/** The kinds of site feeds can be about. */
public enum SiteType {
  HOSPITAL,
  VACCINATION_SITE,
  AMBULANCE_STATION
}
