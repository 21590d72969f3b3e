package io.followup.sla.connect.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.alerts.config.DeliveryConfig;
import io.followup.sla.connect.alerts.testing.ConnectWorkerProcess;
import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.testing.InJvmKafka;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a user gets it: the Confluent Hub zip that {@code package} built, unzipped and
 * inspected, its example configs checked against the connector, and the whole directory loaded by a
 * real Connect worker through {@code plugin.path}.
 */
class PluginPackageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "followup";
  private static final String NAME = "alert-delivery";
  private static final String VERSION = System.getProperty("plugin.version");
  private static final String BASE = OWNER + "-" + NAME + "-" + VERSION;
  private static final Set<String> CHANNELS = Set.of("email", "slack", "teams", "webhook");

  @TempDir static Path temp;
  private static Path zip;
  private static Path plugins;
  private static Path plugin;

  @BeforeAll
  static void unzip() throws IOException {
    // Set by the failsafe configuration: the test needs the package phase's zip.
    zip =
        Path.of(
            Objects.requireNonNull(
                System.getProperty("plugin.zip"), "plugin.zip is not set: run with mvn verify"));
    plugins = Files.createDirectories(temp.resolve("plugins"));
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : archive.stream().toList()) {
        Path target = plugins.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(plugins)).as(entry.getName()).isTrue();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
    }
    plugin = plugins.resolve(BASE);
  }

  @Test
  void theZipIsOneOwnerNameVersionDirectoryInConfluentHubLayout() throws IOException {
    assertThat(zip.getFileName()).hasToString(BASE + ".zip");
    try (Stream<Path> top = Files.list(plugins)) {
      assertThat(top).containsExactly(plugin);
    }
    assertThat(plugin.resolve("manifest.json")).isRegularFile();
    assertThat(plugin.resolve("doc/README.md")).isRegularFile();
    assertThat(Files.readString(plugin.resolve("doc/LICENSE"))).contains("Apache License");
    assertThat(plugin.resolve("lib")).isDirectory();
    try (Stream<Path> examples = Files.list(plugin.resolve("etc"))) {
      assertThat(examples.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "alert-delivery-email.json",
              "alert-delivery-slack.json",
              "alert-delivery-teams.json",
              "alert-delivery-webhook.json");
    }
  }

  @Test
  void theManifestParsesAndNamesTheBuildsVersion() throws IOException {
    String text = Files.readString(plugin.resolve("manifest.json"));
    JsonNode manifest = JSON.readTree(text);

    assertThat(text).as("every placeholder filled by the build").doesNotContain("${");
    assertThat(manifest.path("name").asText()).isEqualTo(NAME);
    assertThat(manifest.path("version").asText())
        .isEqualTo(VERSION)
        .isEqualTo(new AlertDeliveryConnector().version());
    assertThat(manifest.path("owner").path("username").asText()).isEqualTo(OWNER);
    assertThat(texts(manifest.path("component_types"))).containsExactly("sink", "converter");
    assertThat(manifest.path("title").asText()).isNotBlank();
    assertThat(manifest.path("description").asText()).isNotBlank();
    assertThat(texts(manifest.path("tags"))).contains("slack", "email");
    assertThat(texts(manifest.path("requirements"))).isNotEmpty();
    assertThat(manifest.path("license").path(0).path("name").asText()).isNotBlank();
    assertThat(manifest.path("release_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void libHoldsTheConnectorTheConverterAndTheirLibrariesButNoKafka() throws IOException {
    Map<String, Set<String>> entriesByJar = new TreeMap<>();
    try (Stream<Path> jars = Files.list(plugin.resolve("lib"))) {
      for (Path jar : jars.toList()) {
        try (JarFile file = new JarFile(jar.toFile())) {
          entriesByJar.put(
              jar.getFileName().toString(),
              new TreeSet<>(file.stream().map(ZipEntry::getName).toList()));
        }
      }
    }

    assertThat(jarHolding(entriesByJar, AlertDeliveryConnector.class))
        .isEqualTo(NAME + "-" + VERSION + ".jar");
    assertThat(jarHolding(entriesByJar, WireFormatAvroConverter.class))
        .isEqualTo("avro-converter-" + VERSION + ".jar");
    assertThat(entriesByJar.get(NAME + "-" + VERSION + ".jar"))
        .contains("META-INF/services/org.apache.kafka.connect.sink.SinkConnector");
    assertThat(entriesByJar.get("avro-converter-" + VERSION + ".jar"))
        .contains("META-INF/services/org.apache.kafka.connect.storage.Converter");
    // What the classes need at run time: mail, Avro, JSON.
    assertThat(entriesByJar.keySet())
        .anyMatch(n -> n.startsWith("angus-mail-"))
        .anyMatch(n -> n.startsWith("avro-"))
        .anyMatch(n -> n.startsWith("jackson-databind-"));
    // What the worker brings must not be shadowed by a copy of another version.
    assertThat(entriesByJar.keySet())
        .noneMatch(n -> n.startsWith("kafka-clients") || n.startsWith("connect-api"))
        .noneMatch(n -> n.startsWith("slf4j-"));
    entriesByJar.forEach(
        (jar, entries) ->
            assertThat(entries).as(jar).noneMatch(e -> e.startsWith("org/apache/kafka/")));
  }

  @Test
  void everyExampleValidatesAgainstTheConnectorWithSecretsOnlyAsProviderReferences()
      throws IOException {
    Set<String> channels = new TreeSet<>();
    for (Map.Entry<String, JsonNode> example : examples().entrySet()) {
      JsonNode body = example.getValue();
      assertThat(body.path("name").asText()).as(example.getKey()).isNotBlank();
      Map<String, String> config = strings(body.path("config"));
      assertThat(config)
          .as(example.getKey())
          .containsEntry("connector.class", AlertDeliveryConnector.class.getName())
          .containsEntry("value.converter", WireFormatAvroConverter.class.getName());
      channels.addAll(List.of(config.get(DeliveryConfig.CHANNELS).split(",")));
      assertSecretsAreReferences(example.getKey(), config);

      List<ConfigValue> values =
          new AlertDeliveryConnector().validate(withDummySecrets(config)).configValues();

      assertThat(values)
          .as(example.getKey())
          .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
    }
    assertThat(channels).isEqualTo(CHANNELS);
  }

  @Test
  void aConnectWorkerLoadsThePluginFromPluginPathAndResolvesTheExamplesSecrets() throws Exception {
    Map<String, String> environment = new LinkedHashMap<>();
    Properties fileSecrets = new Properties();
    Map<String, JsonNode> examples = examples();
    for (JsonNode body : examples.values()) {
      strings(body.path("config"))
          .forEach(
              (key, value) -> {
                Matcher ref = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
                if (ref.matches() && ref.group(1).equals("env")) {
                  environment.put(ref.group(4), dummySecret(key));
                } else if (ref.matches()) {
                  fileSecrets.setProperty(ref.group(4), dummySecret(key));
                }
              });
    }
    Path secrets = temp.resolve("secrets.properties");
    try (Writer out = Files.newBufferedWriter(secrets)) {
      fileSecrets.store(out, null);
    }
    Path workDir = Files.createDirectories(temp.resolve("worker"));

    try (InJvmKafka kafka = InJvmKafka.start();
        ConnectWorkerProcess worker =
            ConnectWorkerProcess.start(
                workerClassPath(), workerProps(kafka.bootstrapServers()), environment, workDir)) {
      JsonNode plugins = JSON.readTree(worker.get("/connector-plugins?connectorsOnly=false"));

      assertThat(plugins)
          .as(worker.logTail())
          .anySatisfy(
              p -> {
                assertThat(p.path("class").asText())
                    .isEqualTo(AlertDeliveryConnector.class.getName());
                assertThat(p.path("type").asText()).isEqualTo("sink");
                assertThat(p.path("version").asText()).isEqualTo(VERSION);
              })
          .anySatisfy(
              p -> {
                assertThat(p.path("class").asText())
                    .isEqualTo(WireFormatAvroConverter.class.getName());
                assertThat(p.path("type").asText()).isEqualTo("converter");
              });

      for (Map.Entry<String, JsonNode> example : examples.entrySet()) {
        // The examples name the secrets file of a real installation; here it is a temp file.
        Map<String, String> config = new LinkedHashMap<>();
        strings(example.getValue().path("config"))
            .forEach(
                (key, value) -> {
                  Matcher ref = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
                  boolean file = ref.matches() && ref.group(1).equals("file");
                  config.put(key, file ? "${file:" + secrets + ":" + ref.group(4) + "}" : value);
                });
        config.put("name", example.getValue().path("name").asText());

        JsonNode result =
            JSON.readTree(
                worker.put(
                    "/connector-plugins/AlertDeliveryConnector/config/validate",
                    JSON.writeValueAsString(config)));

        assertThat(result.path("error_count").asInt())
            .as(example.getKey() + ": " + errors(result))
            .isZero();
      }
    }
  }

  private static void assertSecretsAreReferences(String example, Map<String, String> config) {
    Map<String, ConfigDef.ConfigKey> keys = DeliveryConfig.CONFIG_DEF.configKeys();
    config.forEach(
        (key, value) -> {
          boolean secret = keys.containsKey(key) && keys.get(key).type == ConfigDef.Type.PASSWORD;
          Matcher ref = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
          if (secret) {
            assertThat(ref.matches()).as(example + ": " + key + " is a reference").isTrue();
            assertThat(ref.group(1)).as(example + ": " + key).isIn("env", "file");
          } else {
            assertThat(value).as(example + ": " + key + " is no secret").doesNotContain("${");
          }
        });
  }

  /** Each reference replaced by a value of the shape its key needs, as a provider would. */
  private static Map<String, String> withDummySecrets(Map<String, String> config) {
    Map<String, String> resolved = new LinkedHashMap<>(config);
    resolved.replaceAll(
        (key, value) ->
            ConfigTransformer.DEFAULT_PATTERN.matcher(value).matches() ? dummySecret(key) : value);
    return resolved;
  }

  private static String dummySecret(String key) {
    if (key.endsWith(".team.webhooks")) {
      return "east=https://hooks.example.com/east,west=https://hooks.example.com/west";
    }
    if (key.endsWith(".url")) {
      return "https://hooks.example.com/services/T000/B000/XXXX";
    }
    return "not-a-real-secret";
  }

  /**
   * This test's class path without any class of this project (its modules' directories and jars),
   * so that the worker can only find the plugin in plugin.path.
   */
  private static List<String> workerClassPath() throws URISyntaxException {
    Path repository = Path.of("").toAbsolutePath().getParent().getParent();
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (!path.startsWith(repository) && !entry.contains("/io/followup/")) {
        classPath.add(entry);
      }
    }
    for (Class<?> type : List.of(AlertDeliveryConnector.class, WireFormatAvroConverter.class)) {
      String location =
          Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      assertThat(classPath).as("the worker must not see " + type).doesNotContain(location);
    }
    assertThat(classPath).anyMatch(e -> e.contains("connect-runtime"));
    return classPath;
  }

  private Map<String, String> workerProps(String bootstrap) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrap);
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("plugin.path", plugins.toString());
    // Only ServiceLoader manifests: fast, and it proves the packaged jars carry them.
    props.put("plugin.discovery", "service_load");
    props.put("config.providers", "env,file");
    props.put(
        "config.providers.env.class",
        "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    props.put(
        "config.providers.file.class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    return props;
  }

  private static Map<String, JsonNode> examples() throws IOException {
    Map<String, JsonNode> examples = new TreeMap<>();
    try (Stream<Path> files = Files.list(plugin.resolve("etc"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        examples.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      }
    }
    return examples;
  }

  private static String jarHolding(Map<String, Set<String>> entriesByJar, Class<?> type) {
    String entry = type.getName().replace('.', '/') + ".class";
    return entriesByJar.entrySet().stream()
        .filter(e -> e.getValue().contains(entry))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("none");
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      map.put(field.getKey(), field.getValue().asText());
    }
    return map;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> errors(JsonNode validation) {
    List<String> errors = new ArrayList<>();
    for (JsonNode config : validation.path("configs")) {
      for (JsonNode error : config.path("value").path("errors")) {
        errors.add(config.path("value").path("name").asText() + ": " + error.asText());
      }
    }
    return errors;
  }
}
