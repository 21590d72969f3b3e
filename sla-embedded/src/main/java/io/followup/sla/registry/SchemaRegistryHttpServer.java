package io.followup.sla.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.followup.sla.registry.SchemaRegistry.CompatibilityCheck;
import io.followup.sla.registry.SchemaRegistry.SchemaVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's Schema Registry REST API over a {@link SchemaRegistry}, on the JDK's HTTP server:
 * enough of it for Confluent's own Java and Python clients to register, look up and fetch schemas,
 * test and set compatibility. Answers are {@code application/vnd.schemaregistry.v1+json}; errors
 * are {@code {"error_code", "message"}} with Confluent's codes.
 */
public final class SchemaRegistryHttpServer implements AutoCloseable {

  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Set<String> ACCEPTED_CONTENT_TYPES =
      Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json", "application/json");
  private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  private static final int THREADS = 4;

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryHttpServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistry registry;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String url;
  private final byte[] expectedAuthorization;

  /** A request the API refuses outside the registry's own rules (unknown route, bad body, ...). */
  private static final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private record Response(int status, JsonNode body) {}

  /**
   * Who may call the server, and how: plain HTTP and open to all by default; with a TLS context it
   * serves HTTPS; with {@code user:password} it answers 401 to any request without those basic-auth
   * credentials, as Confluent's registry does with {@code authentication.method=BASIC}.
   */
  public record Access(SSLContext tls, String basicAuthUserInfo) {

    /** Plain HTTP, no credentials asked. */
    public static final Access OPEN = new Access(null, null);

    public Access withTls(SSLContext tls) {
      return new Access(tls, basicAuthUserInfo);
    }

    public Access withBasicAuth(String userInfo) {
      return new Access(tls, userInfo);
    }

    @Override
    public String toString() {
      // The password must never reach a log line, even through a record's default toString.
      return "Access[tls=" + (tls != null) + ", basicAuth=" + (basicAuthUserInfo != null) + "]";
    }
  }

  private SchemaRegistryHttpServer(
      SchemaRegistry registry,
      HttpServer server,
      ExecutorService executor,
      String url,
      String basicAuthUserInfo) {
    this.registry = registry;
    this.server = server;
    this.executor = executor;
    this.url = url;
    this.expectedAuthorization =
        basicAuthUserInfo == null
            ? null
            : ("Basic "
                    + Base64.getEncoder()
                        .encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Serves {@code registry} on {@code host:port}; port 0 picks a free port, which {@link #url()}
   * then names.
   *
   * @throws IOException when the address cannot be bound
   */
  public static SchemaRegistryHttpServer start(SchemaRegistry registry, String host, int port)
      throws IOException {
    return start(registry, host, port, Access.OPEN);
  }

  /**
   * Serves {@code registry} on {@code host:port} with the given access rules: HTTPS when {@code
   * access} has a TLS context, basic auth when it has credentials.
   *
   * @throws IOException when the address cannot be bound
   */
  public static SchemaRegistryHttpServer start(
      SchemaRegistry registry, String host, int port, Access access) throws IOException {
    HttpServer server;
    if (access.tls() != null) {
      HttpsServer https = HttpsServer.create(new InetSocketAddress(host, port), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(access.tls()));
      server = https;
    } else {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    }
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "schema-registry-http-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    String url =
        (access.tls() != null ? "https://" : "http://")
            + urlHost(host)
            + ":"
            + server.getAddress().getPort();
    SchemaRegistryHttpServer instance =
        new SchemaRegistryHttpServer(registry, server, executor, url, access.basicAuthUserInfo());
    server.createContext("/", instance::handle);
    server.start();
    return instance;
  }

  /** The base URL clients use, e.g. {@code http://localhost:8081}. */
  public String url() {
    return url;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Response response;
    try {
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
        response = error(401, 401, "Unauthorized");
      } else {
        response = route(exchange, method, segments(path));
      }
    } catch (RegistryException e) {
      response = error(e.httpStatus(), e.errorCode(), e.getMessage());
    } catch (HttpError e) {
      response = error(e.status, e.status, e.getMessage());
    } catch (RuntimeException e) {
      log.error("Failed to serve {} {}", method, path, e);
      response = error(500, 500, "Internal server error: " + e.getClass().getSimpleName());
    }
    log.debug("{} {} -> {}", method, path, response.status());
    try (exchange) {
      byte[] body = JSON.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      log.debug("Could not answer {} {}: {}", method, path, e.toString());
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (expectedAuthorization == null) {
      return true;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    // Compared in constant time, so the answer's timing tells nothing of the password.
    return given != null
        && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
  }

  private Response route(HttpExchange exchange, String method, List<String> p) {
    int n = p.size();
    if (n == 0) {
      allow(method, "GET");
      return ok(JSON.createObjectNode());
    }
    switch (p.get(0)) {
      case "schemas":
        if (n == 2 && p.get(1).equals("types")) {
          allow(method, "GET");
          return ok(JSON.createArrayNode().add("AVRO"));
        }
        if (n >= 3 && n <= 4 && p.get(1).equals("ids")) {
          allow(method, "GET");
          int id = schemaId(p.get(2));
          if (n == 3) {
            return ok(JSON.createObjectNode().put("schema", registry.schemaText(id)));
          }
          if (p.get(3).equals("schema")) {
            return ok(readTree(registry.schemaText(id)));
          }
          if (p.get(3).equals("versions")) {
            ArrayNode uses = JSON.createArrayNode();
            registry
                .usesOf(id)
                .forEach(
                    use ->
                        uses.addObject()
                            .put("subject", use.subject())
                            .put("version", use.version()));
            return ok(uses);
          }
        }
        break;
      case "subjects":
        return subjects(exchange, method, p);
      case "compatibility":
        if ((n == 4 || n == 5) && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
          allow(method, "POST");
          JsonNode body = body(exchange);
          CompatibilityCheck check =
              registry.testCompatibility(
                  p.get(2), n == 5 ? p.get(4) : "latest", schemaText(body), schemaType(body));
          ObjectNode answer = JSON.createObjectNode().put("is_compatible", check.compatible());
          if ("true".equalsIgnoreCase(query(exchange).get("verbose"))) {
            ArrayNode messages = answer.putArray("messages");
            check.messages().forEach(messages::add);
          }
          return ok(answer);
        }
        break;
      case "config":
        if (n == 1) {
          allow(method, "GET", "PUT");
          if (method.equals("GET")) {
            return ok(
                JSON.createObjectNode()
                    .put("compatibilityLevel", registry.globalCompatibility().name()));
          }
          CompatibilityLevel level = registry.setGlobalCompatibility(level(body(exchange)));
          return ok(JSON.createObjectNode().put("compatibility", level.name()));
        }
        if (n == 2) {
          String subject = p.get(1);
          allow(method, "GET", "PUT", "DELETE");
          switch (method) {
            case "GET":
              return ok(
                  JSON.createObjectNode()
                      .put("compatibilityLevel", registry.compatibility(subject).name()));
            case "PUT":
              CompatibilityLevel level = registry.setCompatibility(subject, level(body(exchange)));
              return ok(JSON.createObjectNode().put("compatibility", level.name()));
            default:
              return ok(
                  JSON.createObjectNode()
                      .put("compatibilityLevel", registry.deleteCompatibility(subject).name()));
          }
        }
        break;
      default:
        break;
    }
    throw new HttpError(404, "HTTP 404 Not Found");
  }

  private Response subjects(HttpExchange exchange, String method, List<String> p) {
    int n = p.size();
    if (n == 1) {
      allow(method, "GET");
      ArrayNode subjects = JSON.createArrayNode();
      registry.subjects().forEach(subjects::add);
      return ok(subjects);
    }
    String subject = p.get(1);
    if (n == 2) {
      allow(method, "POST", "DELETE");
      if (method.equals("POST")) {
        JsonNode body = body(exchange);
        return ok(versionNode(registry.lookup(subject, schemaText(body), schemaType(body))));
      }
      refusePermanentDelete(exchange);
      return ok(numbers(registry.deleteSubject(subject)));
    }
    if (!p.get(2).equals("versions")) {
      throw new HttpError(404, "HTTP 404 Not Found");
    }
    if (n == 3) {
      allow(method, "GET", "POST");
      if (method.equals("GET")) {
        return ok(numbers(registry.versions(subject)));
      }
      JsonNode body = body(exchange);
      SchemaVersion registered = registry.register(subject, schemaText(body), schemaType(body));
      return ok(JSON.createObjectNode().put("id", registered.id()));
    }
    String version = p.get(3);
    if (n == 4) {
      allow(method, "GET", "DELETE");
      if (method.equals("GET")) {
        return ok(versionNode(registry.version(subject, version)));
      }
      refusePermanentDelete(exchange);
      return ok(JSON.getNodeFactory().numberNode(registry.deleteVersion(subject, version)));
    }
    if (n == 5 && p.get(4).equals("schema")) {
      allow(method, "GET");
      return ok(readTree(registry.version(subject, version).schema()));
    }
    throw new HttpError(404, "HTTP 404 Not Found");
  }

  private static void refusePermanentDelete(HttpExchange exchange) {
    if ("true".equalsIgnoreCase(query(exchange).get("permanent"))) {
      throw new HttpError(
          405,
          "Permanent deletes are not supported by this registry; a soft delete "
              + "(without permanent=true) hides the subject and keeps its ids readable");
    }
  }

  private static void allow(String method, String... allowed) {
    for (String candidate : allowed) {
      if (candidate.equals(method)) {
        return;
      }
    }
    throw new HttpError(405, "HTTP 405 Method Not Allowed");
  }

  private static JsonNode body(HttpExchange exchange) {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null) {
      String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (!ACCEPTED_CONTENT_TYPES.contains(mediaType)) {
        throw new HttpError(415, "Unsupported Media Type " + mediaType + "; send " + CONTENT_TYPE);
      }
    }
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new HttpError(400, "Could not read the request body");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new HttpError(413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new HttpError(400, "The request body is not valid JSON");
    }
  }

  private static String schemaText(JsonNode body) {
    JsonNode references = body.path("references");
    if (references.isArray() && !references.isEmpty()) {
      throw RegistryException.invalidSchema("Schema references are not supported by this registry");
    }
    JsonNode schema = body.get("schema");
    return schema == null || !schema.isTextual() ? null : schema.asText();
  }

  private static String schemaType(JsonNode body) {
    JsonNode type = body.get("schemaType");
    return type == null || type.isNull() ? null : type.asText();
  }

  private static CompatibilityLevel level(JsonNode body) {
    JsonNode level = body.get("compatibility");
    if (level == null) {
      level = body.get("compatibilityLevel");
    }
    return CompatibilityLevel.parse(level == null || !level.isTextual() ? null : level.asText());
  }

  private static int schemaId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      // Confluent's router has no route for a non-numeric id either.
      throw new HttpError(404, "HTTP 404 Not Found");
    }
  }

  private static JsonNode readTree(String schemaText) {
    try {
      return JSON.readTree(schemaText);
    } catch (IOException e) {
      throw new IllegalStateException("a stored schema is not JSON", e);
    }
  }

  private static ObjectNode versionNode(SchemaVersion version) {
    return JSON.createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema());
  }

  private static ArrayNode numbers(List<Integer> numbers) {
    ArrayNode array = JSON.createArrayNode();
    numbers.forEach(array::add);
    return array;
  }

  private static Response ok(JsonNode body) {
    return new Response(200, body);
  }

  private static Response error(int status, int errorCode, String message) {
    return new Response(
        status, JSON.createObjectNode().put("error_code", errorCode).put("message", message));
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        try {
          // A path may carry '+' literally; only %-escapes are decoded.
          segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new HttpError(400, "Malformed URL escape in the path");
        }
      }
    }
    return segments;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      try {
        for (String pair : raw.split("&")) {
          String[] kv = pair.split("=", 2);
          query.put(
              URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
              kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "Malformed URL escape in the query");
      }
    }
    return query;
  }

  private static String urlHost(String host) {
    if (host == null
        || host.isEmpty()
        || host.equals("0.0.0.0")
        || host.equals("::")
        || host.equals("[::]")) {
      return "localhost";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
