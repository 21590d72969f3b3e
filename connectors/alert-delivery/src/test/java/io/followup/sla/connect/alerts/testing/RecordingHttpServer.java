package io.followup.sla.connect.alerts.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A local HTTP server (the JDK's) standing in for a webhook service: it records every request and
 * answers with the service's usual success, unless a failure was queued (429 with Retry-After, 500)
 * or a rule refuses requests whose body matches.
 */
public class RecordingHttpServer implements AutoCloseable {

  /** One request as received, and the status it got. */
  public record Request(String path, String body, int status, java.time.Instant receivedAt) {}

  private record Failure(int status, String retryAfter) {}

  private final HttpServer server;
  private final int successStatus;
  private final String successBody;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private Predicate<String> refuse = body -> false;

  protected RecordingHttpServer(int successStatus, String successBody) throws IOException {
    this.successStatus = successStatus;
    this.successBody = successBody;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of a webhook on this server, e.g. {@code /hooks/east}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next request is answered 429 with {@code Retry-After: seconds}. */
  public synchronized void failNextWith429(int retryAfterSeconds) {
    failures.add(new Failure(429, String.valueOf(retryAfterSeconds)));
  }

  /** The next request is answered with {@code status} (a 5xx, say). */
  public synchronized void failNextWith(int status) {
    failures.add(new Failure(status, null));
  }

  /** Every request whose body matches is answered 400, for good. */
  public synchronized void refuse(Predicate<String> bodyMatches) {
    this.refuse = bodyMatches;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The bodies of the requests that were answered with success. */
  public synchronized List<String> delivered() {
    return requests.stream().filter(r -> r.status() == successStatus).map(Request::body).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int status;
    String answer;
    synchronized (this) {
      Failure failure = failures.poll();
      if (failure != null) {
        status = failure.status();
        answer = "failing on purpose";
        if (failure.retryAfter() != null) {
          exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
        }
      } else if (refuse.test(body)) {
        status = 400;
        answer = "invalid_payload";
      } else {
        status = successStatus;
        answer = successBody;
      }
      requests.add(
          new Request(exchange.getRequestURI().getPath(), body, status, java.time.Instant.now()));
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
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
