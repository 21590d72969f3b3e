package io.followup.sla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.RegisteredSchema;
import io.followup.sla.serde.SchemaRegistryClientException;
import io.followup.sla.testing.InJvmKafka;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded registry on a real broker, through its HTTP API. One broker for the class. */
@Timeout(60)
class EmbeddedSchemaRegistryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Schema V1 = record("{\"name\":\"id\",\"type\":\"string\"}");
  private static final Schema V2_OPTIONAL =
      record(
          "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
  private static final Schema V2_REQUIRED =
      record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"score\",\"type\":\"int\"}");

  private static InJvmKafka kafka;
  private static EmbeddedSchemaRegistry registry;

  private record Answer(int status, String contentType, JsonNode body) {}

  @BeforeAll
  static void start() throws Exception {
    kafka = InJvmKafka.start();
    registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void schemasLiveInACompactedSinglePartitionTopic() throws Exception {
    try (Admin admin = kafka.cluster().admin()) {
      TopicDescription topic =
          admin.describeTopics(List.of("_schemas")).allTopicNames().get().get("_schemas");
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
      String policy =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get()
              .get(resource)
              .get(TopicConfig.CLEANUP_POLICY_CONFIG)
              .value();

      assertThat(topic.partitions()).hasSize(1);
      assertThat(policy).isEqualTo("compact");
    }
  }

  @Test
  void registersLooksUpAndFetchesThroughTheHttpClient() {
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());

    int id = client.register("it.leads-value", LeadCreated.getClassSchema());

    // Fresh clients, so the answers come from the server rather than a client cache.
    assertThat(
            new HttpSchemaRegistryClient(registry.url())
                .register("it.leads-value", LeadCreated.getClassSchema()))
        .isEqualTo(id);
    assertThat(
            new HttpSchemaRegistryClient(registry.url())
                .register("it.leads-copy-value", LeadCreated.getClassSchema()))
        .isEqualTo(id);
    RegisteredSchema found =
        new HttpSchemaRegistryClient(registry.url())
            .lookup("it.leads-value", LeadCreated.getClassSchema());
    assertThat(found)
        .isEqualTo(new RegisteredSchema("it.leads-value", 1, id, LeadCreated.getClassSchema()));
    assertThat(new HttpSchemaRegistryClient(registry.url()).schemaById(id))
        .isEqualTo(LeadCreated.getClassSchema());
    assertThat(client.subjects()).contains("it.leads-value", "it.leads-copy-value");
    assertThat(client.versions("it.leads-copy-value")).containsExactly(1);
    assertThat(client.latest("it.leads-value").id()).isEqualTo(id);
  }

  @Test
  void compatibilityIsEnforcedAndConfigurableThroughTheHttpClient() {
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
    String subject = "it.compat-value";
    client.register(subject, V1);

    assertThat(client.isCompatible(subject, V2_OPTIONAL)).isTrue();
    assertThat(client.isCompatible(subject, V2_REQUIRED)).isFalse();
    assertThatThrownBy(() -> client.register(subject, V2_REQUIRED))
        .isInstanceOfSatisfying(
            SchemaRegistryClientException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(409);
              assertThat(e.httpStatus()).isEqualTo(409);
            })
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");

    assertThat(client.setCompatibility(subject, "NONE")).isEqualTo("NONE");
    assertThat(client.compatibility(subject)).isEqualTo("NONE");
    assertThat(client.compatibility("it.never-configured-value")).isEqualTo("BACKWARD");
    assertThat(client.compatibility()).isEqualTo("BACKWARD");
    assertThat(client.register(subject, V2_REQUIRED)).isPositive();
    assertThat(client.versions(subject)).containsExactly(1, 2);
  }

  @Test
  void aRestartedRegistryKeepsIdsVersionsAndLevels() {
    HttpSchemaRegistryClient before = new HttpSchemaRegistryClient(registry.url());
    int first = before.register("it.restart-value", V1);
    int second = before.register("it.restart-value", V2_OPTIONAL);
    int alert = before.register("it.restart-alerts-value", SlaAlert.getClassSchema());
    before.setCompatibility("it.restart-value", "FULL_TRANSITIVE");

    registry.close();
    registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "127.0.0.1", 0);
    HttpSchemaRegistryClient after = new HttpSchemaRegistryClient(registry.url());

    assertThat(after.lookup("it.restart-value", V1))
        .extracting(RegisteredSchema::id, RegisteredSchema::version)
        .containsExactly(first, 1);
    assertThat(after.latest("it.restart-value"))
        .extracting(RegisteredSchema::id, RegisteredSchema::version)
        .containsExactly(second, 2);
    assertThat(after.schemaById(alert)).isEqualTo(SlaAlert.getClassSchema());
    assertThat(after.compatibility("it.restart-value")).isEqualTo("FULL_TRANSITIVE");
    // A schema no other test registers, so it needs a new id.
    Schema unseen =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"OnlyAfterRestart\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    int fresh = after.register("it.restart-new-value", unseen);
    assertThat(fresh).isGreaterThan(Math.max(first, Math.max(second, alert)));
    assertThat(after.register("it.restart-other-value", V1)).isEqualTo(first);
  }

  @Test
  void errorsHaveConfluentsCodesAndContentType() throws Exception {
    String subject = "it.errors-value";
    send("POST", "/subjects/" + subject + "/versions", CONTENT_TYPE, schemaBody(V1));

    assertError(send("GET", "/subjects/it.nope-value/versions", null, null), 404, 40401);
    assertError(send("GET", "/schemas/ids/99999", null, null), 404, 40403);
    assertError(
        send("POST", "/subjects/" + subject, CONTENT_TYPE, schemaBody(V2_OPTIONAL)), 404, 40403);
    assertError(send("GET", "/subjects/" + subject + "/versions/99", null, null), 404, 40402);
    assertError(send("GET", "/subjects/" + subject + "/versions/0", null, null), 422, 42202);
    assertError(
        send(
            "POST",
            "/subjects/" + subject + "/versions",
            CONTENT_TYPE,
            "{\"schema\":\"{not avro\"}"),
        422,
        42201);
    assertError(
        send("POST", "/subjects/" + subject + "/versions", CONTENT_TYPE, schemaBody(V2_REQUIRED)),
        409,
        409);
    assertError(
        send("PUT", "/config", CONTENT_TYPE, "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertError(send("GET", "/nothing/here", null, null), 404, 404);
    assertError(send("GET", "/schemas/ids/abc", null, null), 404, 404);
    assertError(send("DELETE", "/subjects/" + subject + "?permanent=true", null, null), 405, 405);
    assertError(send("DELETE", "/schemas/ids/1", null, null), 405, 405);
    assertError(
        send("POST", "/subjects/" + subject + "/versions", "text/plain", schemaBody(V1)), 415, 415);
    assertError(
        send("POST", "/subjects/" + subject + "/versions", CONTENT_TYPE, "{\"schema\": "),
        400,
        400);

    Answer protobuf =
        send(
            "POST",
            "/subjects/it.proto-value/versions",
            CONTENT_TYPE,
            "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\"; message M {}\"}");
    assertError(protobuf, 422, 42201);
    assertThat(protobuf.body().get("message").asText())
        .contains("PROTOBUF")
        .contains("Avro schemas only");
  }

  @Test
  void acceptsEveryContentTypeConfluentClientsSend() throws Exception {
    List<String> contentTypes =
        java.util.Arrays.asList(
            CONTENT_TYPE,
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/json; charset=utf-8",
            null);
    Integer id = null;
    for (String contentType : contentTypes) {
      Answer answer =
          send("POST", "/subjects/it.content-types-value/versions", contentType, schemaBody(V1));

      assertThat(answer.status()).as("status for %s", contentType).isEqualTo(200);
      assertThat(answer.contentType()).isEqualTo(CONTENT_TYPE);
      id = id == null ? answer.body().get("id").asInt() : id;
      assertThat(answer.body().get("id").asInt()).isEqualTo(id);
    }
  }

  @Test
  void answersHaveConfluentsShapes() throws Exception {
    String subject = "it.shapes-value";
    int id =
        send("POST", "/subjects/" + subject + "/versions", CONTENT_TYPE, schemaBody(V1))
            .body()
            .get("id")
            .asInt();

    JsonNode lookedUp = send("POST", "/subjects/" + subject, CONTENT_TYPE, schemaBody(V1)).body();
    JsonNode latest = send("GET", "/subjects/" + subject + "/versions/latest", null, null).body();
    for (JsonNode version : List.of(lookedUp, latest)) {
      assertThat(version.get("subject").asText()).isEqualTo(subject);
      assertThat(version.get("id").asInt()).isEqualTo(id);
      assertThat(version.get("version").asInt()).isEqualTo(1);
      assertThat(new Schema.Parser().parse(version.get("schema").asText())).isEqualTo(V1);
    }
    assertThat(send("GET", "/schemas/ids/" + id, null, null).body().get("schema").asText())
        .isEqualTo(V1.toString());
    assertThat(send("GET", "/config", null, null).body())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
    assertThat(
            send("PUT", "/config/" + subject, CONTENT_TYPE, "{\"compatibility\":\"FULL\"}").body())
        .isEqualTo(JSON.readTree("{\"compatibility\":\"FULL\"}"));
    assertThat(send("GET", "/config/" + subject, null, null).body())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"FULL\"}"));
    assertThat(
            send(
                    "POST",
                    "/compatibility/subjects/" + subject + "/versions/latest",
                    CONTENT_TYPE,
                    schemaBody(V2_OPTIONAL))
                .body())
        .isEqualTo(JSON.readTree("{\"is_compatible\":true}"));
    assertThat(send("GET", "/subjects", null, null).body().isArray()).isTrue();
  }

  @Test
  void aDeletedSubjectDisappearsButItsIdsStayReadable() throws Exception {
    String subject = "it.deleted-value";
    int id =
        send("POST", "/subjects/" + subject + "/versions", null, schemaBody(V2_REQUIRED))
            .body()
            .get("id")
            .asInt();

    assertThat(send("DELETE", "/subjects/" + subject, null, null).body())
        .isEqualTo(JSON.readTree("[1]"));

    assertError(send("GET", "/subjects/" + subject + "/versions", null, null), 404, 40401);
    assertThat(send("GET", "/schemas/ids/" + id, null, null).status()).isEqualTo(200);
    assertThat(send("GET", "/subjects", null, null).body().toString()).doesNotContain(subject);
  }

  @Test
  void anUnreachableBrokerFailsTheStartWithOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                EmbeddedSchemaRegistry.start(
                    "127.0.0.1:" + closedPort,
                    Map.of(),
                    "127.0.0.1",
                    0,
                    EmbeddedSchemaRegistry.Settings.defaults().withTimeout(Duration.ofSeconds(3))))
        .isInstanceOf(SchemaRegistryStartException.class)
        .hasMessageStartingWith("schema registry cannot start: ")
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aTakenPortFailsTheStartWithOneLine() {
    int taken = URI.create(registry.url()).getPort();

    assertThatThrownBy(
            () ->
                EmbeddedSchemaRegistry.start(
                    kafka.bootstrapServers(), Map.of(), "127.0.0.1", taken))
        .isInstanceOf(SchemaRegistryStartException.class)
        .hasMessageStartingWith("schema registry cannot listen on 127.0.0.1:" + taken);
  }

  private static void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(answer.body().get("error_code").asInt()).isEqualTo(errorCode);
    assertThat(answer.body().get("message").asText()).isNotBlank();
  }

  private static Answer send(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(registry.url() + path)).timeout(Duration.ofSeconds(10));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        JSON.readTree(response.body()));
  }

  private static String schemaBody(Schema schema) throws Exception {
    return JSON.writeValueAsString(Map.of("schema", schema.toString()));
  }

  private static Schema record(String fields) {
    return new Schema.Parser()
        .parse(
            "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"it\",\"fields\":["
                + fields
                + "]}");
  }
}
