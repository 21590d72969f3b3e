package io.followup.sla.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoints as Kubernetes probes and Prometheus use them: status codes decide, bodies are for
 * people.
 */
class HttpEndpointsTest {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private PrometheusMeterRegistry registry;
  private HttpEndpoints http;

  @BeforeEach
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("sla.alerts").tag("rule", "first-touch").register(registry).increment();
    http = HttpEndpoints.start("127.0.0.1", 0, registry, ready::get);
  }

  @AfterEach
  void stop() {
    http.close();
    registry.close();
  }

  @Test
  void livenessIsUpWhetherOrNotTheEngineIsReady() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    ready.set(true);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void readinessFollowsTheEngineBothWays() throws Exception {
    HttpResponse<String> down = get("/health/ready");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("DOWN");
    ready.set(true);
    HttpResponse<String> up = get("/health/ready");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).contains("UP");
    ready.set(false);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
  }

  @Test
  void probesAnswerHeadAndRefuseOtherMethods() throws Exception {
    HttpResponse<String> head =
        client.send(
            request("/health/live").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    HttpResponse<String> post =
        client.send(
            request("/health/ready").POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void metricsAreThePrometheusTextFormatOrOpenMetricsWhenAskedFor() throws Exception {
    HttpResponse<String> text = get("/metrics");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    assertThat(text.body()).contains("sla_alerts_total{rule=\"first-touch\"} 1.0");

    HttpResponse<String> open =
        client.send(
            request("/metrics")
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;q=0.5")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(open.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
    assertThat(open.body()).contains("# TYPE sla_alerts counter").endsWith("# EOF\n");
  }

  @Test
  void notReadySaysWhyInTheBody() throws Exception {
    HttpEndpoints withReason =
        HttpEndpoints.start(
            "127.0.0.1",
            0,
            registry,
            () -> java.util.Optional.of("the Kafka cluster has not answered for \"20\" s"));
    try {
      HttpResponse<String> down =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + withReason.port() + "/health/ready"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body())
          .isEqualTo(
              "{\"status\":\"DOWN\",\"reason\":\"the Kafka cluster has not answered for"
                  + " \\\"20\\\" s\"}");
    } finally {
      withReason.close();
    }
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
        .timeout(Duration.ofSeconds(5));
  }
}
