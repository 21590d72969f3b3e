package io.followup.sla.connect.crm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** The small pieces every endpoint of the receiver needs to read a request and answer it. */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * A JSON body's objects, one payload each (an array of them, or one), or null for other bodies.
   */
  static List<String> jsonObjects(byte[] body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree != null && tree.isArray()) {
        List<String> objects = new ArrayList<>();
        tree.forEach(e -> objects.add(e.toString()));
        return objects;
      }
      return tree != null && tree.isObject() ? List.of(tree.toString()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The plain answer to a delivery, for vendors that read only the status: 200 when every record is
   * written, 400 naming the first {@code noun} that could not be mapped, 503 when not written in
   * time (for the vendor to retry).
   */
  static void answer(HttpExchange exchange, Delivery.Result result, String noun)
      throws IOException {
    if (!result.acknowledged()) {
      answer(exchange, 503, "not written in time; retry");
    } else if (result.unmapped() > 0) {
      answer(
          exchange,
          400,
          result.unmapped()
              + " of "
              + result.payloads()
              + " "
              + noun
              + " not mapped: "
              + result.firstReason());
    } else {
      answer(exchange, 200, "ok");
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
