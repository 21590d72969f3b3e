package io.followup.sla.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The manager's page at {@code /}: a few static files from the engine's jar, served to anyone. They
 * hold no lead data: the page asks {@code /api/} for everything, with the login the viewer gives
 * it. Any other path is the JSON 404 the rest of the engine answers.
 */
final class PageHandler implements HttpHandler {

  /** The files by the path they are served at; nothing else under the resource folder is. */
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/page/app.js", "app.js",
          "/page/style.css", "style.css",
          "/page/icon.svg", "icon.svg");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");

  /**
   * Scripts and styles from this origin only, and the API calls back to it: nothing a lead's name
   * could smuggle in would run.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src"
          + " 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String file = FILES.get(exchange.getRequestURI().getPath());
    if (file == null) {
      send(exchange, 404, "application/json", bytes("{\"error\":\"not found\"}"));
      return;
    }
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      send(exchange, 405, "application/json", bytes("{\"error\":\"method not allowed\"}"));
      return;
    }
    exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    // A new engine version brings its own page: the browser asks again rather than mix versions.
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), resource(file));
  }

  private static byte[] resource(String file) {
    try (InputStream in = PageHandler.class.getResourceAsStream("page/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the page's " + file + " is missing from the engine's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
