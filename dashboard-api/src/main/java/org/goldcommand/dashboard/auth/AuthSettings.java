package org.goldcommand.dashboard.auth;

import java.time.Duration;
import org.goldcommand.platform.Profile;
import org.goldcommand.platform.Settings;

/**
 * How people's tokens are checked. Production needs its identity provider's JWKS URL, issuer and
 * audience; the demo profile signs its own tokens ({@link LocalIssuer}) unless given a JWKS URL.
 * A production start with the local issuer is refused: demo people must never guard real data.
 *
 * @param localIssuer whether dashboard-api signs demo people's tokens itself
 * @param jwksUrl the identity provider's JWKS URL (null with the local issuer)
 * @param issuer the {@code iss} tokens must carry
 * @param audience the {@code aud} tokens must carry
 * @param jwksRefresh how often the JWKS is fetched again
 * @param demoTokenLifetime how long a locally issued token lasts
 */
public record AuthSettings(boolean localIssuer, String jwksUrl, String issuer, String audience, Duration jwksRefresh,
    Duration demoTokenLifetime) {

  /** The audience when none is configured. */
  public static final String DEFAULT_AUDIENCE = "gold-command";

  /** Reads the settings, recording problems in {@code settings} for its {@code validate()}. */
  public static AuthSettings from(Settings settings, Profile profile) {
    String jwksUrl = settings.text("GC_JWT_JWKS_URL", null);
    boolean local = settings.flag("GC_AUTH_LOCAL_ISSUER", profile == Profile.DEMO && jwksUrl == null);
    if (local && profile != Profile.DEMO) {
      settings.problem("GC_AUTH_LOCAL_ISSUER: the local token issuer and its demo people exist only in the demo "
          + "profile (GC_PROFILE=demo); set GC_JWT_JWKS_URL and GC_JWT_ISSUER to your identity provider");
    }
    if (!local && jwksUrl == null) {
      settings.problem("GC_JWT_JWKS_URL is required outside the demo profile: the identity provider's JWKS URL");
    }
    if (jwksUrl != null && !jwksUrl.startsWith("https://") && !jwksUrl.startsWith("http://")) {
      settings.problem("GC_JWT_JWKS_URL=" + jwksUrl + " is not an http(s) URL");
    }
    String issuer = settings.text("GC_JWT_ISSUER", local ? LocalIssuer.ISSUER : null);
    if (issuer == null && !local) {
      settings.problem("GC_JWT_ISSUER is required with GC_JWT_JWKS_URL: the iss your identity provider signs");
    }
    return new AuthSettings(local, local ? null : jwksUrl, issuer,
        settings.text("GC_JWT_AUDIENCE", DEFAULT_AUDIENCE),
        Duration.ofMinutes(settings.integer("GC_JWT_JWKS_REFRESH_MINUTES", 10, 1, 1_440)),
        Duration.ofMinutes(settings.integer("GC_DEMO_TOKEN_MINUTES", 480, 1, 10_080)));
  }
}
