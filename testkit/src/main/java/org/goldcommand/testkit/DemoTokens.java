package org.goldcommand.testkit;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Signs in as a demo person the way the wall's sign-in page does: {@code POST /auth/demo-token}
 * on a dashboard-api running in the demo profile. Tests then act with a real, verified token.
 */
public final class DemoTokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private DemoTokens() {}

  /** A bearer token for the demo person with this id (for example {@code lead-lsc}). */
  public static String token(int dashboardPort, String user) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + dashboardPort + "/auth/demo-token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user).encode())).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Demo sign-in as " + user + " failed: " + response.statusCode() + " "
            + response.body());
      }
      return new JsonObject(response.body()).getString("token");
    } catch (IOException e) {
      throw new IllegalStateException("Demo sign-in as " + user + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
