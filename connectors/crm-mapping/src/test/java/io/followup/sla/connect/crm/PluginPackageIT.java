package io.followup.sla.connect.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.crm.salesforce.SalesforceCdcTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The plugin directory the package phase built (the zip holds the same files): Confluent Hub
 * layout, a manifest with the build's version, the transforms' jar with its ServiceLoader manifest
 * (what a worker with plugin.discovery=service_load needs), the libraries they use, and nothing the
 * worker brings itself.
 */
class PluginPackageIT {

  private static final String VERSION = System.getProperty("plugin.version");
  private static final Path PLUGIN =
      Path.of(System.getProperty("plugin.dir")).resolve("followup-crm-mapping-" + VERSION);

  @Test
  void theDirectoryHoldsManifestDocExamplesAndLib() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(PLUGIN.resolve("manifest.json").toFile());
    assertThat(Files.readString(PLUGIN.resolve("manifest.json"))).doesNotContain("${");
    assertThat(manifest.path("name").asText()).isEqualTo("crm-mapping");
    assertThat(manifest.path("version").asText())
        .isEqualTo(VERSION)
        .isEqualTo(new SalesforceCdcTransform<>().version());
    List<String> types = new ArrayList<>();
    manifest.path("component_types").forEach(t -> types.add(t.asText()));
    assertThat(types).containsExactly("transform", "converter", "source");
    assertThat(PLUGIN.resolve("doc/README.md")).isRegularFile();
    assertThat(PLUGIN.resolve("doc/LICENSE")).isRegularFile();
    try (Stream<Path> examples = Files.list(PLUGIN.resolve("etc"))) {
      assertThat(examples).hasSize(5);
    }
  }

  @Test
  void libHoldsTheTransformsWithTheirServiceManifestAndNoKafka() throws IOException {
    Map<String, Set<String>> entriesByJar = new TreeMap<>();
    try (Stream<Path> jars = Files.list(PLUGIN.resolve("lib"))) {
      for (Path jar : jars.toList()) {
        try (JarFile file = new JarFile(jar.toFile())) {
          entriesByJar.put(
              jar.getFileName().toString(),
              new TreeSet<>(file.stream().map(ZipEntry::getName).toList()));
        }
      }
    }
    assertThat(entriesByJar.get("crm-mapping-" + VERSION + ".jar"))
        .contains(
            "META-INF/services/org.apache.kafka.connect.transforms.Transformation",
            "io/followup/sla/connect/crm/hubspot/HubSpotTransform.class");
    assertThat(entriesByJar.keySet())
        .contains("avro-converter-" + VERSION + ".jar", "event-schemas-" + VERSION + ".jar")
        .anyMatch(n -> n.startsWith("jackson-databind-"))
        .noneMatch(n -> n.startsWith("kafka-") || n.startsWith("connect-"))
        .noneMatch(n -> n.startsWith("slf4j-") || n.startsWith("sla-engine"));
  }
}
