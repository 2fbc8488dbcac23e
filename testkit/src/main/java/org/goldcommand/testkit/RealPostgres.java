package org.goldcommand.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a {@link TestDatabase}: a fresh, empty database on a PostgreSQL
 * server started once per test JVM (see {@link PostgresServer} for which server). Every parameter
 * gets its own database, so tests are isolated without paying for a server each.
 */
public final class RealPostgres implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // JUnit closes AutoCloseable store values when the root context (the whole run) ends.
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(RealPostgres.class, k -> PostgresServer.start(), PostgresServer.class)
        .newDatabase();
  }
}
