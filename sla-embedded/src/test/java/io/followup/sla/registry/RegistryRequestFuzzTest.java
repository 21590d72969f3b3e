package io.followup.sla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The registry's JSON handling under arbitrary requests, over HTTP as a client sends them: every
 * answer is JSON, an error is Confluent's {@code {"error_code", "message"}} with a 4xx status, and
 * never a 500, whatever the body, subject or version; each within the client's timeout. Records of
 * the {@code _schemas} topic that cannot be read are skipped, never thrown.
 */
class RegistryRequestFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String VALID_SCHEMA =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";

  private static SchemaRegistryHttpServer server;

  @BeforeContainer
  static void start() throws java.io.IOException {
    server =
        SchemaRegistryHttpServer.start(
            new SchemaRegistry(new InMemorySchemaStore()), "localhost", 0);
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  private record Call(String method, String path, String body) {}

  @Property
  void everyAnswerIsJsonAndNoRequestGetsAServerError(@ForAll("calls") Call call) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + call.path()))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", SchemaRegistryHttpServer.CONTENT_TYPE);
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body());
    HttpResponse<String> response =
        CLIENT.send(
            request.method(call.method(), body).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as("status of %s", call).isLessThan(500);
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() >= 400) {
      assertThat(answer.path("error_code").isInt()).as("error_code of %s", call).isTrue();
      assertThat(answer.path("message").isTextual()).as("message of %s", call).isTrue();
    }
  }

  @Property
  void unreadableSchemasTopicRecordsAreSkipped(
      @ForAll("topicJson") String key, @ForAll("topicJson") String value) {
    Optional<?> entry =
        SchemasTopicFormat.decode(
            key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    assertThat(entry).isNotNull();
  }

  @Provide
  Arbitrary<Call> calls() {
    Arbitrary<String> subject =
        Arbitraries.oneOf(
            Arbitraries.of("s-value", "leads.lead-created-value"),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
    Arbitrary<String> version =
        Arbitraries.oneOf(
            Arbitraries.of("1", "latest", "-1", "0", "2147483648", "x"),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
    Arbitrary<String> path =
        Combinators.combine(
                Arbitraries.of(
                    "/subjects/%s/versions",
                    "/subjects/%s",
                    "/subjects/%s/versions/%s",
                    "/subjects/%s/versions/%s/schema",
                    "/compatibility/subjects/%s/versions/%s",
                    "/compatibility/subjects/%s/versions",
                    "/config/%s",
                    "/config",
                    "/schemas/ids/%s",
                    "/schemas/ids/%s/versions",
                    "/subjects"),
                subject,
                version)
            .as(
                (template, s, v) -> {
                  String first = encode(template.startsWith("/schemas/ids/") ? v : s);
                  return String.format(template, first, encode(v));
                });
    return Combinators.combine(
            Arbitraries.of("GET", "POST", "PUT", "DELETE"), path, bodies().injectNull(0.1))
        .as(Call::new);
  }

  /** Register bodies with their fields changed: schema text, types, references, levels. */
  private Arbitrary<String> bodies() {
    Arbitrary<String> schema =
        Arbitraries.oneOf(
            Arbitraries.of(
                VALID_SCHEMA,
                "\"string\"",
                "{\"type\":\"record\"}",
                "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}",
                "[\"null\",\"null\"]",
                "{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}",
                "{\"type\":\"array\"}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"R\"}]}"),
            Arbitraries.strings().ofMaxLength(30));
    Arbitrary<String> field =
        Combinators.combine(
                Arbitraries.of(
                    "schema", "schemaType", "references", "compatibility", "compatibilityLevel"),
                Arbitraries.oneOf(
                    schema.map(RegistryRequestFuzzTest::quote),
                    Arbitraries.of(
                        "null",
                        "1",
                        "[]",
                        "[{}]",
                        "{}",
                        "true",
                        "\"AVRO\"",
                        "\"PROTOBUF\"",
                        "\"BACKWARD\"",
                        "\"FULL_TRANSITIVE\"",
                        "\"SIDEWAYS\"")))
            .as((name, value) -> quote(name) + ":" + value);
    Arbitrary<String> object =
        field.list().ofMaxSize(4).map(fields -> "{" + String.join(",", fields) + "}");
    Arbitrary<String> junk =
        Arbitraries.strings().withChars("{}[]\":,0123456789 nul").ofMaxLength(20);
    return Arbitraries.oneOf(object, object, object, junk);
  }

  @Provide
  Arbitrary<String> topicJson() {
    Arbitrary<String> field =
        Combinators.combine(
                Arbitraries.of(
                    "keytype",
                    "subject",
                    "version",
                    "id",
                    "schema",
                    "deleted",
                    "compatibilityLevel",
                    "magic"),
                Arbitraries.of(
                    "\"SCHEMA\"",
                    "\"CONFIG\"",
                    "\"NOOP\"",
                    "null",
                    "1",
                    "-1",
                    "\"s\"",
                    "true",
                    "\"BACKWARD\"",
                    "\"NONE\"",
                    "{}",
                    "[]",
                    quote(VALID_SCHEMA),
                    "\"x\""))
            .as((name, value) -> quote(name) + ":" + value);
    return Arbitraries.oneOf(
        field.list().ofMaxSize(6).map(fields -> "{" + String.join(",", fields) + "}"),
        Arbitraries.strings().ofMaxLength(16));
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
