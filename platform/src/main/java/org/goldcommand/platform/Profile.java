package org.goldcommand.platform;

/**
 * Which kind of deployment this is. Demo credentials exist only in {@link #DEMO}; every other
 * profile refuses to start if it finds one, so a demo key can never guard real data.
 */
public enum Profile {
  DEMO,
  PRODUCTION;

  /** The profile named by {@code GC_PROFILE}, production unless told otherwise. */
  public static Profile from(Settings settings) {
    return settings.choice("GC_PROFILE", PRODUCTION, Profile.class);
  }
}
