package org.goldcommand.dashboard.auth;

/**
 * What a person may do in dashboard-api. Each endpoint and live channel needs one of these; which
 * roles hold which is decided in one place, {@link Role}, so the authorisation matrix test can walk
 * every pair.
 */
public enum Permission {
  /** Trust and system pressure, live and as history. */
  READ_PRESSURE,
  /** Alerts (of the kinds the person's roles receive). */
  READ_ALERTS,
  /** Acknowledge or resolve an alert (of a kind the person's roles receive, in their scope). */
  ACT_ON_ALERTS,
  /** Which feeds are current or quiet. */
  READ_FEEDS,
  /** Mutual-aid suggestions between trusts. */
  READ_MUTUAL_AID,
  /** Vaccine stock positions and movements. */
  READ_VACCINE,
  /** The audit log of who changed what. */
  READ_AUDIT
}
