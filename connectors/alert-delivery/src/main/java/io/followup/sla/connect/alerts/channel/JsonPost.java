package io.followup.sla.connect.alerts.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts a JSON body with the JDK HTTP client and sorts the answer the way every webhook service
 * means it: 2xx sent; 429 (with its Retry-After), 408 and 5xx worth retrying; any other 4xx a
 * mistake that retrying will not fix. Reasons never carry the URL, which holds the webhook's
 * secret.
 */
final class JsonPost {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;
  private final String service;

  JsonPost(String service, Duration timeout) {
    this.service = service;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  void post(String url, ObjectNode body) throws SendException {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
              .build();
    } catch (IllegalArgumentException | IOException e) {
      throw SendException.permanent(service + " webhook URL is not a valid URL", null);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw SendException.retryable(service + " unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SendException.retryable(service + " post interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String reason = service + " answered HTTP " + status;
    if (status == 429) {
      throw new SendException(
          reason + " (rate limited)", true, retryAfter(response).orElse(null), null);
    }
    if (status == 408 || status >= 500) {
      throw new SendException(reason, true, retryAfter(response).orElse(null), null);
    }
    throw SendException.permanent(reason, null);
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
