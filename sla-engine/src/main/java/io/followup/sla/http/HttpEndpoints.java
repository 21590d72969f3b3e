package io.followup.sla.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The engine's HTTP face: {@code /metrics} for Prometheus, {@code /health/live} and {@code
 * /health/ready} for Kubernetes probes (ready only while the engine can do its work: see {@link
 * ReadinessCheck}; the reason, when not ready, is in the body), and the manager's page at {@code /}
 * (see {@link PageHandler}).
 */
public final class HttpEndpoints implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoints(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Why the engine is not ready, or empty when it is. */
  @FunctionalInterface
  public interface ReadinessCheck {
    Optional<String> whyNotReady();
  }

  public static HttpEndpoints start(
      String host, int port, PrometheusMeterRegistry metrics, BooleanSupplier ready) {
    return start(
        host,
        port,
        metrics,
        () -> ready.getAsBoolean() ? Optional.empty() : Optional.of("not running"));
  }

  public static HttpEndpoints start(
      String host, int port, PrometheusMeterRegistry metrics, ReadinessCheck readiness) {
    return start(host, port, metrics, readiness, Optional.empty());
  }

  /**
   * With the query API under {@code /api/} when {@code api} is given; its handler asks for a login,
   * unlike metrics and health.
   */
  public static HttpEndpoints start(
      String host,
      int port,
      PrometheusMeterRegistry metrics,
      ReadinessCheck readiness,
      Optional<HttpHandler> api) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (BindException e) {
      throw new IllegalStateException(
          "HTTP port " + port + " is already in use: stop what holds it or set http.port");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the HTTP port " + port, e);
    }
    server.createContext(
        "/metrics",
        exchange -> {
          if (!allowGet(exchange)) {
            return;
          }
          String accept = exchange.getRequestHeaders().getFirst("Accept");
          String body = metrics.scrape(accept == null ? "text/plain" : accept);
          String type =
              accept != null && accept.contains("application/openmetrics-text")
                  ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                  : "text/plain; version=0.0.4; charset=utf-8";
          respond(exchange, 200, type, body);
        });
    server.createContext(
        "/health/live",
        exchange -> {
          if (allowGet(exchange)) {
            respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
          }
        });
    server.createContext(
        "/health/ready",
        exchange -> {
          if (allowGet(exchange)) {
            Optional<String> why = readiness.whyNotReady();
            respond(
                exchange,
                why.isEmpty() ? 200 : 503,
                "application/json",
                why.isEmpty()
                    ? "{\"status\":\"UP\"}"
                    : "{\"status\":\"DOWN\",\"reason\":\"" + jsonText(why.get()) + "\"}");
          }
        });
    api.ifPresent(handler -> server.createContext("/api/", handler));
    // The manager's page (static files; its data comes from /api/ behind the login), else 404.
    server.createContext("/", new PageHandler());
    ExecutorService executor =
        // Four: a query may wait on another instance (forwarded or gathered) while probes and
        // scrapes still need a thread.
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "sla-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new HttpEndpoints(server, executor);
  }

  /** A reason as a JSON string's content: our own sentences, so quotes and backslashes suffice. */
  private static String jsonText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", " ");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static boolean allowGet(HttpExchange exchange) throws IOException {
    if ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    respond(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
    return false;
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
