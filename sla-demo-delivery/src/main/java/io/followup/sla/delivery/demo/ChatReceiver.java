package io.followup.sla.delivery.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's local stand-in for Slack's and Teams' incoming webhooks: an HTTP server on a free
 * local port that keeps the body of every post and answers as those services do on success. The
 * connector posts to it exactly as it would post to them.
 */
final class ChatReceiver implements AutoCloseable {

  /** One post as received. */
  record Post(String path, String body, Instant receivedAt) {}

  private final HttpServer server;
  private final Clock clock;
  private final List<Post> posts = new ArrayList<>();

  private ChatReceiver(HttpServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  static ChatReceiver start(Clock clock) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ChatReceiver receiver = new ChatReceiver(server, clock);
    server.createContext("/slack/", receiver::receive);
    server.createContext("/teams/", receiver::receive);
    server.start();
    return receiver;
  }

  /** Serves GET requests under {@code path} with {@code handler}, e.g. the demo's inbox. */
  void serve(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  /** The URL of a webhook path on this server, e.g. {@code /slack/east-biopharma}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  synchronized List<Post> posts() {
    return List.copyOf(posts);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "POST a message here");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      synchronized (this) {
        posts.add(new Post(exchange.getRequestURI().getPath(), body, clock.instant()));
      }
      // Slack answers 200 "ok"; Teams' workflows answer 202. Both read as success.
      answer(exchange, 200, "ok");
    }
  }

  static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
