package io.followup.sla.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The engine's HTTP face: {@code /metrics} for Prometheus, {@code /health/live} and {@code
 * /health/ready} for Kubernetes probes (ready only while the Streams instance is RUNNING).
 */
public final class HttpEndpoints implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoints(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static HttpEndpoints start(
      String host, int port, PrometheusMeterRegistry metrics, BooleanSupplier ready) {
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
            boolean up = ready.getAsBoolean();
            respond(
                exchange,
                up ? 200 : 503,
                "application/json",
                up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
          }
        });
    server.createContext(
        "/", exchange -> respond(exchange, 404, "application/json", "{\"error\":\"not found\"}"));
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "sla-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new HttpEndpoints(server, executor);
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
