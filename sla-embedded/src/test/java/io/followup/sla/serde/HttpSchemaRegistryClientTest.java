package io.followup.sla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.registry.SchemaRegistryHttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Seen(
      String method,
      String rawPath,
      String contentType,
      String accept,
      String authorization,
      String body) {}

  private record Answer(int status, String body, long delayMillis) {}

  /** A registry stand-in that answers canned bodies and records what it was sent. */
  private HttpServer stub;

  private ExecutorService stubThreads;
  private String stubUrl;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  @BeforeEach
  void startStub() throws IOException {
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  exchange.getRequestHeaders().getFirst("Accept"),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body));
          Answer answer =
              answers.getOrDefault(
                  exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath(),
                  new Answer(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}", 0));
          try {
            Thread.sleep(answer.delayMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    // Handlers on their own threads, so stopping the stub does not wait for a deliberately slow
    // answer.
    stubThreads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "registry-stub");
              thread.setDaemon(true);
              return thread;
            });
    stub.setExecutor(stubThreads);
    stub.start();
    stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
    stubThreads.shutdownNow();
  }

  @Test
  void registersAsConfluentsClientDoesAndAsksOnlyOnce() throws Exception {
    answers.put(
        "POST /subjects/leads.lead-created-value/versions", new Answer(200, "{\"id\":7}", 0));
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(
            stubUrl, Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "svc:s3cret"));

    assertThat(client.register("leads.lead-created-value", LeadCreated.getClassSchema()))
        .isEqualTo(7);
    assertThat(client.register("leads.lead-created-value", LeadCreated.getClassSchema()))
        .isEqualTo(7);
    assertThat(client.lookupId("leads.lead-created-value", LeadCreated.getClassSchema()))
        .isEqualTo(7);
    assertThat(client.schemaById(7)).isEqualTo(LeadCreated.getClassSchema());

    assertThat(seen).hasSize(1);
    Seen request = seen.get(0);
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(request.authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("svc:s3cret".getBytes(StandardCharsets.UTF_8)));
    assertThat(JSON.readTree(request.body()).get("schema").asText())
        .isEqualTo(LeadCreated.getClassSchema().toString());
  }

  @Test
  void fetchesASchemaByIdOnce() {
    answers.put(
        "GET /schemas/ids/3",
        new Answer(200, "{\"schema\":" + quoted(SlaAlert.getClassSchema().toString()) + "}", 0));
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(stubUrl);

    assertThat(client.schemaById(3)).isEqualTo(SlaAlert.getClassSchema());
    assertThat(client.schemaById(3)).isEqualTo(SlaAlert.getClassSchema());
    assertThat(seen).hasSize(1);
  }

  @Test
  void subjectsAreEscapedInThePath() {
    answers.put("GET /subjects/odd%20name%2Fwith%2Bsigns/versions", new Answer(200, "[1,2]", 0));

    assertThat(new HttpSchemaRegistryClient(stubUrl).versions("odd name/with+signs"))
        .containsExactly(1, 2);
  }

  @Test
  void errorsCarryConfluentsCodeAndMessage() {
    answers.put(
        "POST /subjects/missing-value",
        new Answer(
            404, "{\"error_code\":40401,\"message\":\"Subject 'missing-value' not found.\"}", 0));
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(stubUrl);

    assertThatThrownBy(() -> client.lookupId("missing-value", LeadCreated.getClassSchema()))
        .isInstanceOfSatisfying(
            SchemaRegistryClientException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(40401);
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.isNotFound()).isTrue();
            })
        .hasMessage(
            "the schema registry at "
                + stubUrl
                + " answered HTTP 404: Subject 'missing-value' not found. (error_code 40401)");
  }

  @Test
  void anErrorPageThatIsNotJsonStillGivesTheStatus() {
    answers.put("GET /schemas/ids/1", new Answer(502, "<html><body>Bad Gateway</body></html>", 0));

    assertThatThrownBy(() -> new HttpSchemaRegistryClient(stubUrl).schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryClientException.class, e -> assertThat(e.errorCode()).isEqualTo(502))
        .hasMessage("the schema registry at " + stubUrl + " answered HTTP 502 (error_code 502)");
  }

  @Test
  void credentialsInTheUrlAreUsedButNeverShown() {
    answers.put(
        "GET /schemas/ids/1",
        new Answer(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}", 0));
    String urlWithCredentials = stubUrl.replace("http://", "http://svc:s3cret@");
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(urlWithCredentials);

    assertThatThrownBy(() -> client.schemaById(1))
        .hasMessage("the schema registry at " + stubUrl + " refused the credentials (HTTP 401)");
    assertThat(client.describe()).doesNotContain("s3cret");
    assertThat(client.toString()).doesNotContain("s3cret");
    assertThat(seen.get(0).authorization()).isNotNull();
  }

  @Test
  void aSlowRegistryTimesOut() {
    answers.put("GET /schemas/ids/1", new Answer(200, "{\"schema\":\"\\\"string\\\"\"}", 3_000));
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(stubUrl, Map.of(AvroSerdeConfig.REQUEST_TIMEOUT_MS, "300"));
    long started = System.nanoTime();

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(SchemaRegistryClientException.class)
        .hasMessage(
            "could not reach the schema registry at " + stubUrl + ": no answer within 300 ms");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_500);
  }

  @Test
  void anUnreachableUrlFallsThroughToTheNext() throws IOException {
    answers.put("GET /subjects", new Answer(200, "[\"a-value\"]", 0));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient("http://127.0.0.1:" + closedPort + "," + stubUrl);

    assertThat(client.subjects()).containsExactly("a-value");
  }

  @Test
  void aSerdeConfiguredWithConfluentsKeysWorksAgainstTheRegistryServer() throws IOException {
    SchemaRegistry registry = SchemaRegistry.inMemory();
    try (SchemaRegistryHttpServer server =
            SchemaRegistryHttpServer.start(registry, "127.0.0.1", 0);
        SpecificAvroSerde<SpecificRecord> autoRegistering = new SpecificAvroSerde<>();
        SpecificAvroSerde<SpecificRecord> strict = new SpecificAvroSerde<>()) {
      autoRegistering.configure(
          Map.of(
              AvroSerdeConfig.SCHEMA_REGISTRY_URL,
              server.url(),
              AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
              "true"),
          false);
      strict.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);

      assertThatThrownBy(() -> strict.serializer().serialize("sla.alerts", SampleEvents.slaAlert()))
          .isInstanceOf(SchemaNotRegisteredException.class)
          .hasMessageContaining("in the schema registry at " + server.url());
      byte[] bytes = autoRegistering.serializer().serialize("sla.alerts", SampleEvents.slaAlert());

      assertThat(strict.serializer().serialize("sla.alerts", SampleEvents.slaAlert()))
          .isEqualTo(bytes);
      assertThat(strict.deserializer().deserialize("sla.alerts", bytes))
          .isEqualTo(SampleEvents.slaAlert());
      assertThat(registry.subjects()).containsExactly("sla.alerts-value");
    }
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
