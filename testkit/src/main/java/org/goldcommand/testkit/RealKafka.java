package org.goldcommand.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a {@link KafkaBroker} started once per test JVM and shared by
 * every test class, so a suite pays the broker's start-up cost once. Tests must therefore use
 * topic names or consumer groups that do not collide, or tolerate records from other tests.
 */
public final class RealKafka implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // JUnit closes AutoCloseable store values when the root context (the whole run) ends.
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(RealKafka.class, k -> KafkaBroker.startShared(), KafkaBroker.class);
  }
}
