package org.goldcommand.dashboard.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.platform.ErrorResponses;

/**
 * Puts a signed-in {@link Person} in front of every API request and WebSocket upgrade. REST
 * requests carry {@code Authorization: Bearer <token>}; a browser cannot set headers on a
 * WebSocket, so the upgrade may carry the token as {@code ?access_token=} instead (RFC 6750 §2.3).
 * No token, a bad one or an expired one is {@code 401} naming {@code Authorization}; a person
 * without the permission an endpoint needs is {@code 403} saying which.
 */
public final class Authentication {

  private static final String PERSON = "gc.person";
  private static final String BEARER = "Bearer ";

  private final TokenVerifier verifier;

  public Authentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** A handler that lets only requests with a good token through, with the person in the context. */
  public Handler<RoutingContext> required() {
    return ctx -> {
      String token = token(ctx.request(), false);
      if (token == null) {
        unauthorised(ctx, "Send Authorization: Bearer <token>");
        return;
      }
      verifier.verify(token)
          .onSuccess(person -> {
            ctx.put(PERSON, person);
            ctx.next();
          })
          .onFailure(e -> unauthorised(ctx, e.getMessage()));
    };
  }

  /** The person behind a WebSocket upgrade (header or {@code access_token} query parameter). */
  public Future<Person> upgrade(HttpServerRequest request) {
    String token = token(request, true);
    return token == null ? Future.failedFuture(new IllegalArgumentException(
        "Send Authorization: Bearer <token>, or ?access_token=<token> from a browser")) : verifier.verify(token);
  }

  /** A handler that answers 403 unless the signed-in person has this permission. */
  public static Handler<RoutingContext> requires(Permission permission) {
    return ctx -> {
      if (person(ctx).may(permission)) {
        ctx.next();
      } else {
        forbidden(ctx, "Your roles (" + person(ctx).roleCodes() + ") do not allow " + describe(permission));
      }
    };
  }

  /** The signed-in person of a request that passed {@link #required()}. */
  public static Person person(RoutingContext ctx) {
    return ctx.get(PERSON);
  }

  /** Answers 403 with this reason. */
  public static void forbidden(RoutingContext ctx, String reason) {
    ErrorResponses.send(ctx, 403, reason);
  }

  private static void unauthorised(RoutingContext ctx, String reason) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gold-command\", error=\"invalid_token\"");
    ErrorResponses.send(ctx, 401, "Sign in first", List.of(new Violation("Authorization", reason)));
  }

  private static String token(HttpServerRequest request, boolean queryAllowed) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = header.substring(BEARER.length()).trim();
      return token.isEmpty() ? null : token;
    }
    String query = queryAllowed ? request.getParam("access_token") : null;
    return query == null || query.isBlank() ? null : query;
  }

  private static String describe(Permission permission) {
    return permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
