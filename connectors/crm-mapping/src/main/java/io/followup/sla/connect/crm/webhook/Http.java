package io.followup.sla.connect.crm.webhook;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The small pieces every endpoint of the receiver needs to read a request and answer it. */
final class Http {

  private Http() {}

  /**
   * The body, or null when it is over {@code maxBody}: a declared length over the limit is refused
   * before reading, a chunked body is cut off.
   */
  static byte[] body(HttpExchange exchange, int maxBody) throws IOException {
    if (declaredLength(exchange) > maxBody) {
      return null;
    }
    byte[] body = exchange.getRequestBody().readNBytes(maxBody + 1);
    return body.length > maxBody ? null : body;
  }

  private static long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether a secret given by the caller is the configured one, in constant time. */
  static boolean sameSecret(String expected, String given) {
    // A comparison that stops at the first wrong byte would leak the secret.
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  static void answer(HttpExchange exchange, int status, String text) throws IOException {
    answer(exchange, status, "text/plain; charset=utf-8", text.endsWith("\n") ? text : text + "\n");
  }

  static void answer(HttpExchange exchange, int status, String contentType, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }
}
