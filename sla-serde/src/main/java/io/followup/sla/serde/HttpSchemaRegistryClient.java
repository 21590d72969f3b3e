package io.followup.sla.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of Confluent's Schema Registry REST API. Registrations, look-ups and schemas by id are
 * cached for the life of the client, so the serde's hot path makes no HTTP call after the first
 * record of each schema. With several comma-separated URLs, a call that cannot reach one URL tries
 * the next.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";

  private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> baseUrls;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  /**
   * A client of the registry at {@code urls} (comma-separated), with default timeouts and no
   * credentials.
   */
  public HttpSchemaRegistryClient(String urls) {
    this(urls, Map.of());
  }

  /**
   * A client of the registry at {@code urls} (comma-separated), configured with the serde's keys:
   * {@value AvroSerdeConfig#BASIC_AUTH_USER_INFO}, {@value AvroSerdeConfig#CONNECT_TIMEOUT_MS},
   * {@value AvroSerdeConfig#REQUEST_TIMEOUT_MS}. Credentials may also come as {@code
   * http://user:pw@host}.
   */
  public HttpSchemaRegistryClient(String urls, Map<String, ?> configs) {
    String userInfo = AvroSerdeConfig.userInfo(configs);
    List<String> bases = new ArrayList<>();
    for (String url : urls.split(",")) {
      if (url.isBlank()) {
        continue;
      }
      URI uri = parseUrl(url.trim());
      if (userInfo == null && uri.getRawUserInfo() != null) {
        userInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
      }
      bases.add(withoutUserInfo(uri));
    }
    if (bases.isEmpty()) {
      throw new ConfigException(
          AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls, "no schema registry URL given");
    }
    this.baseUrls = List.copyOf(bases);
    this.authorization =
        userInfo == null
            ? null
            : "Basic "
                + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    this.requestTimeout =
        Duration.ofMillis(
            AvroSerdeConfig.millis(
                configs,
                AvroSerdeConfig.REQUEST_TIMEOUT_MS,
                AvroSerdeConfig.REQUEST_TIMEOUT_DEFAULT_MS));
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(
                Duration.ofMillis(
                    AvroSerdeConfig.millis(
                        configs,
                        AvroSerdeConfig.CONNECT_TIMEOUT_MS,
                        AvroSerdeConfig.CONNECT_TIMEOUT_DEFAULT_MS)));
    String trustStore = AvroSerdeConfig.text(configs, AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION);
    if (trustStore != null) {
      http.sslContext(
          trusting(
              trustStore,
              AvroSerdeConfig.text(configs, AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD),
              AvroSerdeConfig.text(configs, AvroSerdeConfig.SSL_TRUSTSTORE_TYPE)));
    }
    this.http = http.build();
  }

  /** A TLS context that trusts the certificates of the given trust store (and only those). */
  private static SSLContext trusting(String location, String password, String type) {
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      KeyStore store = KeyStore.getInstance(type == null ? "PKCS12" : type);
      store.load(in, password == null ? null : password.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      // The store's password is not in the message: KeyStore.load says only that it is wrong.
      throw new ConfigException(
          AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION,
          location,
          "cannot load the trust store: " + e.getMessage());
    }
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectAndSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        call("POST", subjectPath(subject) + "/versions", Map.of("schema", schema.toString()));
    int id = requiredInt(answer, "id");
    idsBySubjectAndSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    log.debug("Schema {} is id {} under subject {}", schema.getFullName(), id, subject);
    return id;
  }

  @Override
  public int lookupId(String subject, Schema schema) {
    Integer cached = idsBySubjectAndSchema.get(new SubjectSchema(subject, schema));
    return cached != null ? cached : lookup(subject, schema).id();
  }

  /**
   * {@code POST /subjects/{subject}}: the version and id of {@code schema} under {@code subject}.
   */
  public RegisteredSchema lookup(String subject, Schema schema) {
    JsonNode answer = call("POST", subjectPath(subject), Map.of("schema", schema.toString()));
    RegisteredSchema found = registeredSchema(answer);
    idsBySubjectAndSchema.put(new SubjectSchema(subject, schema), found.id());
    schemasById.putIfAbsent(found.id(), found.schema());
    return found;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = call("GET", "/schemas/ids/" + id, null);
    Schema schema = parse(requiredText(answer, "schema"), "schema id " + id);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  /** {@code GET /subjects}. */
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    call("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  /** {@code GET /subjects/{subject}/versions}. */
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    call("GET", subjectPath(subject) + "/versions", null)
        .forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  /**
   * {@code GET /subjects/{subject}/versions/{version}}; {@code version} is a number or "latest".
   */
  public RegisteredSchema version(String subject, String version) {
    return registeredSchema(
        call("GET", subjectPath(subject) + "/versions/" + encode(version), null));
  }

  /** The latest version of {@code subject}. */
  public RegisteredSchema latest(String subject) {
    return version(subject, "latest");
  }

  /**
   * Whether {@code schema} could be registered under {@code subject} given its compatibility level.
   */
  public boolean isCompatible(String subject, Schema schema) {
    JsonNode answer =
        call(
            "POST",
            "/compatibility" + subjectPath(subject) + "/versions/latest",
            Map.of("schema", schema.toString()));
    return answer.path("is_compatible").asBoolean(false);
  }

  /** The registry-wide compatibility level. */
  public String compatibility() {
    return requiredText(call("GET", "/config", null), "compatibilityLevel");
  }

  /** The compatibility level in force for {@code subject}. */
  public String compatibility(String subject) {
    return requiredText(call("GET", "/config/" + encode(subject), null), "compatibilityLevel");
  }

  /**
   * Sets the registry-wide compatibility level (NONE, BACKWARD, FORWARD, FULL, or one of those
   * _TRANSITIVE).
   */
  public String setCompatibility(String level) {
    return requiredText(call("PUT", "/config", Map.of("compatibility", level)), "compatibility");
  }

  /** Sets the compatibility level of one subject. */
  public String setCompatibility(String subject, String level) {
    return requiredText(
        call("PUT", "/config/" + encode(subject), Map.of("compatibility", level)), "compatibility");
  }

  /** Soft-deletes every version of {@code subject}; answers the versions deleted. */
  public List<Integer> deleteSubject(String subject) {
    List<Integer> versions = new ArrayList<>();
    call("DELETE", subjectPath(subject), null).forEach(node -> versions.add(node.asInt()));
    idsBySubjectAndSchema.keySet().removeIf(key -> key.subject().equals(subject));
    return versions;
  }

  @Override
  public String describe() {
    return "the schema registry at " + String.join(", ", baseUrls);
  }

  @Override
  public String toString() {
    return "HttpSchemaRegistryClient[" + String.join(", ", baseUrls) + "]";
  }

  private JsonNode call(String method, String path, Object body) {
    byte[] payload;
    try {
      payload = body == null ? null : JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a schema registry request", e);
    }
    SchemaRegistryClientException unreachable = null;
    for (String base : baseUrls) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(requestTimeout)
              .header("Accept", ACCEPT);
      if (payload != null) {
        request
            .header("Content-Type", CONTENT_TYPE)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        unreachable =
            new SchemaRegistryClientException(
                "could not reach the schema registry at " + base + ": " + whyUnreachable(e), e);
        log.debug("{} {} failed: {}", method, base + path, e.toString());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryClientException(
            "interrupted while calling the schema registry at " + base, e);
      }
      log.debug("{} {} -> {}", method, base + path, response.statusCode());
      if (response.statusCode() / 100 == 2) {
        return parseBody(response.body(), base);
      }
      throw failure(base, response);
    }
    throw unreachable;
  }

  private String whyUnreachable(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within " + http.connectTimeout().orElseThrow().toMillis() + " ms";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + requestTimeout.toMillis() + " ms";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof SSLException) {
      return "the TLS handshake failed (is the registry's certificate in "
          + AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION
          + "?): "
          + e.getMessage();
    }
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static JsonNode parseBody(byte[] body, String base) {
    if (body.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new SchemaRegistryClientException(
          "the schema registry at " + base + " answered with invalid JSON", e);
    }
  }

  private static SchemaRegistryClientException failure(String base, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    int errorCode = status;
    String message = null;
    try {
      JsonNode error = JSON.readTree(response.body());
      if (error != null && error.isObject()) {
        errorCode = error.path("error_code").asInt(status);
        message = error.path("message").asText(null);
      }
    } catch (IOException notJson) {
      // Proxies and servlet containers answer with HTML or plain text; the status then says enough.
    }
    if (status == 401 || status == 403) {
      return new SchemaRegistryClientException(
          status,
          errorCode,
          "the schema registry at " + base + " refused the credentials (HTTP " + status + ")");
    }
    String text =
        "the schema registry at "
            + base
            + " answered HTTP "
            + status
            + (message == null ? "" : ": " + message.replaceAll("\\s+", " ").strip())
            + " (error_code "
            + errorCode
            + ")";
    return new SchemaRegistryClientException(status, errorCode, text);
  }

  private RegisteredSchema registeredSchema(JsonNode answer) {
    int id = requiredInt(answer, "id");
    Schema schema = schemasById.get(id);
    if (schema == null) {
      schema = parse(requiredText(answer, "schema"), "schema id " + id);
      schemasById.putIfAbsent(id, schema);
    }
    return new RegisteredSchema(
        requiredText(answer, "subject"), requiredInt(answer, "version"), id, schema);
  }

  private Schema parse(String text, String what) {
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryClientException(
          describe() + " returned " + what + " that is not a valid Avro schema: " + e.getMessage(),
          e);
    }
  }

  private int requiredInt(JsonNode answer, String field) {
    JsonNode node = answer.get(field);
    if (node == null || !node.canConvertToInt()) {
      throw new SchemaRegistryClientException(
          describe() + " answered without \"" + field + "\"", null);
    }
    return node.asInt();
  }

  private String requiredText(JsonNode answer, String field) {
    JsonNode node = answer.get(field);
    if (node == null || !node.isTextual()) {
      throw new SchemaRegistryClientException(
          describe() + " answered without \"" + field + "\"", null);
    }
    return node.asText();
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  private static String encode(String pathSegment) {
    // URLEncoder is for forms; a path wants %20 rather than '+'.
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI parseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, "not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ConfigException(
          AvroSerdeConfig.SCHEMA_REGISTRY_URL,
          withoutUserInfoQuietly(uri),
          "expected an http:// or https:// URL");
    }
    return uri;
  }

  // Credentials in the URL must never reach a message or a log line.
  private static String withoutUserInfo(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return uri.getScheme().toLowerCase()
        + "://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + path;
  }

  private static String withoutUserInfoQuietly(URI uri) {
    return uri.getRawUserInfo() == null
        ? uri.toString()
        : uri.toString().replace(uri.getRawUserInfo() + "@", "");
  }
}
