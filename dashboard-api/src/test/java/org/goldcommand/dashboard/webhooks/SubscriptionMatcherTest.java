package org.goldcommand.dashboard.webhooks;

import org.goldcommand.dashboard.auth.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;
import org.junit.jupiter.api.Test;

class SubscriptionMatcherTest {

  static final List<String> SYSTEMS = List.of("QE1", "QE2", "QF7");
  static final List<String> TRUSTS = List.of("RXN", "RXL", "RXR", "RTX");

  @Property
  void anAlertFromAnotherSystemIsNeverSent(@ForAll("subscriptions") Subscription s, @ForAll("alerts") Alert a) {
    Assume.that(!s.systems().contains(Subscription.ALL_SYSTEMS) && !s.systems().contains(a.systemCode()));
    assertThat(SubscriptionMatcher.matches(s, a)).isFalse();
  }

  @Property
  void anAlertLessSevereThanWantedIsNeverSent(@ForAll("subscriptions") Subscription s, @ForAll("alerts") Alert a) {
    Assume.that(a.severity().compareTo(s.minimumSeverity()) < 0);
    assertThat(SubscriptionMatcher.matches(s, a)).isFalse();
  }

  @Property
  void aRoleIsNeverSentAKindItMayNotReceive(@ForAll("subscriptions") Subscription s, @ForAll("alerts") Alert a) {
    Assume.that(!s.role().receives(a.kind()));
    assertThat(SubscriptionMatcher.matches(s, a)).isFalse();
  }

  @Property(maxDiscardRatio = 100)
  void aSubscriptionLimitedToTrustsGetsOnlyThoseTrustsAlerts(@ForAll("subscriptions") Subscription s,
      @ForAll("alerts") Alert a) {
    Assume.that(!s.trusts().isEmpty() && SubscriptionMatcher.matches(s, a));
    assertThat(a.orgCode()).isIn(s.trusts());
  }

  @Property(maxDiscardRatio = 100)
  void aMatchStillMatchesWhenTheAlertIsMoreSevere(@ForAll("subscriptions") Subscription s, @ForAll("alerts") Alert a,
      @ForAll Severity higher) {
    Assume.that(higher.compareTo(a.severity()) >= 0 && SubscriptionMatcher.matches(s, a));
    assertThat(SubscriptionMatcher.matches(s, withSeverity(a, higher))).isTrue();
  }

  @Property(maxDiscardRatio = 100)
  void wideningASubscriptionNeverLosesAMatch(@ForAll("subscriptions") Subscription s, @ForAll("alerts") Alert a) {
    Assume.that(SubscriptionMatcher.matches(s, a));
    Set<String> systems = new HashSet<>(s.systems());
    systems.add("QZZ");
    Subscription wider = new Subscription(s.id(), s.role(), systems, Set.of(), Severity.INFO, Set.of(), s.webhook());
    assertThat(SubscriptionMatcher.matches(wider, a)).isTrue();
  }

  @Property
  void theStepOfTheAlertNeverChangesWhetherItIsSent(@ForAll("subscriptions") Subscription s, @ForAll("alerts") Alert a,
      @ForAll AlertState state) {
    assertThat(SubscriptionMatcher.matches(s, withState(a, state))).isEqualTo(SubscriptionMatcher.matches(s, a));
  }

  @Test
  void aPharmacistOnCallGetsAFridgeExcursionAtTheirTrustButNotItsBedOccupancy() {
    Subscription pharmacy = subscription(Role.PHARMACIST, Set.of("QE1"), Set.of("RXN"), Severity.WARNING, Set.of());
    assertThat(SubscriptionMatcher.matches(pharmacy, alert(AlertKind.COLD_CHAIN_EXCURSION, Severity.CRITICAL, "QE1",
        "RXN"))).isTrue();
    assertThat(SubscriptionMatcher.matches(pharmacy, alert(AlertKind.TRUST_LEVEL, Severity.CRITICAL, "QE1", "RXN")))
        .isFalse();
    assertThat(SubscriptionMatcher.matches(pharmacy, alert(AlertKind.COLD_CHAIN_EXCURSION, Severity.CRITICAL, "QE1",
        "RTX"))).isFalse();
  }

  @Test
  void aSystemWideAlertGoesToSystemSubscriptionsButNotToOnesLimitedToTrusts() {
    Alert systemLevel = alert(AlertKind.SYSTEM_LEVEL, Severity.CRITICAL, "QE1", null);
    assertThat(SubscriptionMatcher.matches(subscription(Role.SYSTEM_LEAD, Set.of("QE1"), Set.of(), Severity.INFO,
        Set.of()), systemLevel)).isTrue();
    assertThat(SubscriptionMatcher.matches(subscription(Role.SYSTEM_LEAD, Set.of("QE1"), Set.of("RXN"), Severity.INFO,
        Set.of()), systemLevel)).isFalse();
    assertThat(SubscriptionMatcher.matches(subscription(Role.ADMIN, Set.of("*"), Set.of(), Severity.INFO,
        Set.of(AlertKind.SYSTEM_LEVEL)), systemLevel)).isTrue();
  }

  @Provide
  Arbitrary<Subscription> subscriptions() {
    return Combinators.combine(
        Arbitraries.of(Role.class),
        Arbitraries.of(List.of("QE1", "QE2", "QF7", Subscription.ALL_SYSTEMS)).set().ofMinSize(1).ofMaxSize(2),
        Arbitraries.of(TRUSTS).set().ofMaxSize(2),
        Arbitraries.of(Severity.class),
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(Set.<AlertKind>of())),
            Tuple.of(1, Arbitraries.of(AlertKind.class).set().ofMinSize(1).ofMaxSize(3))))
        .as((role, systems, trusts, severity, kinds) -> subscription(role, systems, trusts, severity, kinds));
  }

  @Provide
  Arbitrary<Alert> alerts() {
    return Combinators.combine(
        Arbitraries.of(AlertKind.class),
        Arbitraries.of(Severity.class),
        Arbitraries.of(SYSTEMS),
        Arbitraries.of(TRUSTS).injectNull(0.2))
        .as(SubscriptionMatcherTest::alert);
  }

  static Subscription subscription(Role role, Set<String> systems, Set<String> trusts, Severity min,
      Set<AlertKind> kinds) {
    return new Subscription("s", role, systems, trusts, min, kinds,
        new Subscription.Webhook(URI.create("http://localhost/hook"), "secret-of-sixteen+", true));
  }

  static Alert alert(AlertKind kind, Severity severity, String system, String org) {
    Instant at = Instant.parse("2026-12-01T08:00:00Z");
    String subject = org == null ? system : org;
    return new Alert("rule/" + subject + "@1", "rule/" + subject, "rule", "v1", kind, severity, subject, system, org,
        null, AlertState.RAISED, "t", "m", List.of(), null, at, null, null, null, null, null, null, at);
  }

  static Alert withSeverity(Alert a, Severity severity) {
    return new Alert(a.alertId(), a.key(), a.ruleId(), a.rulesVersion(), a.kind(), severity, a.subject(),
        a.systemCode(), a.orgCode(), a.siteCode(), a.state(), a.title(), a.message(), a.figures(), a.action(),
        a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.acknowledgementNote(), a.resolvedAt(), a.resolvedBy(),
        a.resolution(), a.updatedAt());
  }

  static Alert withState(Alert a, AlertState state) {
    return new Alert(a.alertId(), a.key(), a.ruleId(), a.rulesVersion(), a.kind(), a.severity(), a.subject(),
        a.systemCode(), a.orgCode(), a.siteCode(), state, a.title(), a.message(), a.figures(), a.action(),
        a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.acknowledgementNote(), a.resolvedAt(), a.resolvedBy(),
        a.resolution(), a.updatedAt());
  }
}
