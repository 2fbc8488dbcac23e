package org.goldcommand.dashboard.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.platform.ErrorResponses;

/**
 * {@code /auth}: how pages learn to sign in. {@code GET /auth/config} says whether this is the demo
 * (sign in as a demo person) or production (bring a token from the identity provider). In the demo
 * profile only, {@code GET /auth/demo-users} lists the demo people, {@code POST /auth/demo-token}
 * with {@code {"user": id}} signs a token for one, and {@code GET /auth/jwks.json} publishes the
 * local issuer's key (so Grafana or a test can check tokens the same way dashboard-api does).
 */
public final class AuthRoutes {

  private final Vertx vertx;
  private final AuthSettings settings;
  private final Optional<LocalIssuer> issuer;
  private final DemoUsers demoUsers;
  private final Clock clock;

  public AuthRoutes(Vertx vertx, AuthSettings settings, Optional<LocalIssuer> issuer, DemoUsers demoUsers,
      Clock clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.issuer = issuer;
    this.demoUsers = demoUsers;
    this.clock = clock;
  }

  /** The sub-router to mount at {@code /auth}. */
  public Router router() {
    Router router = Router.router(vertx);
    router.get("/config").handler(ctx -> ctx.json(new JsonObject()
        .put("mode", issuer.isPresent() ? "demo" : "identity-provider")
        .put("issuer", settings.issuer()).put("audience", settings.audience())));
    if (issuer.isPresent()) {
      router.get("/demo-users").handler(ctx -> ctx.json(new JsonObject().put("users",
          new JsonArray(demoUsers.all().stream().map(DemoUsers.DemoUser::describe).toList()))));
      router.post("/demo-token").handler(BodyHandler.create().setBodyLimit(4_096));
      router.post("/demo-token").handler(this::demoToken);
      router.get("/jwks.json").handler(ctx -> ctx.json(new JsonObject().put("keys",
          new JsonArray(List.of(issuer.get().publicJwk())))));
    }
    return router;
  }

  /** {@code GET /api/v1/me}: who the token says you are, what you may do and where. */
  public static void me(RoutingContext ctx) {
    Person person = Authentication.person(ctx);
    ctx.json(new JsonObject().put("id", person.id()).put("name", person.name())
        .put("roles", new JsonArray(person.roles().stream().map(Role::code).sorted().toList()))
        .put("permissions", new JsonArray(java.util.Arrays.stream(Permission.values()).filter(person::may)
            .map(Enum::name).toList()))
        .put("systems", new JsonArray(person.scope().everywhere() ? List.of(Scope.ALL)
            : List.copyOf(person.scope().systems())))
        .put("sites", new JsonArray(List.copyOf(person.scope().sites())))
        .put("expiresAt", person.expiresAt().toString()));
  }

  private void demoToken(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    Object user = body == null ? null : body.getValue("user");
    Optional<DemoUsers.DemoUser> found = user instanceof String id ? demoUsers.find(id) : Optional.empty();
    if (found.isEmpty()) {
      ErrorResponses.send(ctx, 400, "Unknown demo person", List.of(new Violation("user",
          "one of " + String.join(", ", demoUsers.all().stream().map(DemoUsers.DemoUser::id).toList()))));
      return;
    }
    Instant expiresAt = clock.instant().plus(Duration.ofSeconds(settings.demoTokenLifetime().toSeconds()));
    String token = issuer.orElseThrow().issue(found.get().claims(), settings.audience(), expiresAt);
    ctx.json(new JsonObject().put("token", token).put("expiresAt", expiresAt.toString())
        .put("person", found.get().describe()));
  }
}
