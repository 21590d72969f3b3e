package io.followup.sla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Kustomize overlay of deploy/k8s renders with {@code kubectl kustomize}, every object it
 * renders validates against the Kubernetes and Prometheus Operator schemas, and the engine is
 * deployed the way the README promises: a StatefulSet with state on a volume, probes on the health
 * endpoints, anti-affinity, a disruption budget, metrics scraped, secrets referenced and never
 * inlined.
 */
class KubernetesManifestsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @BeforeAll
  static void packages() {
    Tool.npmPackagesInstalled();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyOverlayRendersAndEveryObjectMatchesItsSchema(String overlay) throws IOException {
    Path rendered = render(overlay);
    Tool check =
        Tool.run(
                Tool.ROOT.resolve("deploy/check"),
                List.of("node", "validate-k8s.mjs", rendered.toString()))
            .succeeded("the schema check of overlay " + overlay);
    assertThat(check.out()).contains("objects valid, 0 refused");

    List<JsonNode> objects = objects(rendered);
    assertThat(objects).extracting(o -> o.path("kind").asText()).doesNotContain("Secret");
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.path("metadata").path("namespace").asText())
                    .isEqualTo(overlay.equals("prod") ? "followup-sla" : "followup-sla-dev"));

    JsonNode engine = one(objects, "StatefulSet", "sla-engine");
    JsonNode pod = engine.path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/ready");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/live");
    assertThat(
            engine
                .path("spec")
                .path("volumeClaimTemplates")
                .get(0)
                .path("metadata")
                .path("name")
                .asText())
        .isEqualTo("state");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.path("resources").path("limits").path("memory").isMissingNode()).isFalse();

    JsonNode config = one(objects, "ConfigMap", "sla-engine-config");
    String properties = config.path("data").path("engine.properties").asText();
    assertThat(properties)
        .contains("application.id=followup-sla-engine")
        .contains("kafka.security.protocol=SASL_SSL");
    // Every secret the properties use comes from a mounted file through a config provider.
    assertThat(properties.lines().filter(l -> l.contains("password") || l.contains("user-info")))
        .allSatisfy(l -> assertThat(l).contains("${file:/etc/sla/secrets/"));

    JsonNode budget = one(objects, "PodDisruptionBudget", "sla-engine");
    assertThat(budget.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
    JsonNode monitor = one(objects, "ServiceMonitor", "sla-engine");
    assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText())
        .isEqualTo("/metrics");
    JsonNode metricsService = one(objects, "Service", "sla-engine");
    assertThat(
            metricsService.path("metadata").path("labels").path("app.kubernetes.io/job").asText())
        .as("the job name the alert rules select on")
        .isEqualTo("followup-sla-engine");
    assertThat(one(objects, "ConfigMap", "sla-grafana-dashboards").path("data").size())
        .isEqualTo(
            Files.list(Tool.ROOT.resolve("deploy/grafana/dashboards"))
                .filter(p -> p.toString().endsWith(".json"))
                .count());
  }

  @Test
  void productionRunsThreeEnginesOnThreeNodesAndDevelopmentOne() throws IOException {
    JsonNode prod = one(objects(render("prod")), "StatefulSet", "sla-engine");
    assertThat(prod.path("spec").path("replicas").asInt()).isEqualTo(3);
    JsonNode antiAffinity =
        prod.path("spec").path("template").path("spec").path("affinity").path("podAntiAffinity");
    assertThat(antiAffinity.has("requiredDuringSchedulingIgnoredDuringExecution")).isTrue();
    assertThat(antiAffinity.has("preferredDuringSchedulingIgnoredDuringExecution")).isFalse();

    JsonNode dev = one(objects(render("dev")), "StatefulSet", "sla-engine");
    assertThat(dev.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(
            dev.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env")
                .toString())
        .contains("SLA_TOPICS_REPLICATION_FACTOR");
  }

  @Test
  void theSchemaCheckRefusesAnObjectThatDoesNotMatchItsSchema() throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        "apiVersion: apps/v1\n"
            + "kind: StatefulSet\n"
            + "metadata:\n  name: sla-engine\n"
            + "spec:\n  replicas: three\n  serviceName: x\n"
            + "  selector:\n    matchLabels: {app: x}\n"
            + "  template:\n    metadata:\n      labels: {app: x}\n"
            + "    spec:\n      containers:\n        - name: engine\n          image: x\n"
            + "---\n"
            + "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n");
    Tool check =
        Tool.run(
            Tool.ROOT.resolve("deploy/check"),
            List.of("node", "validate-k8s.mjs", broken.toString()));
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.err())
        .contains("StatefulSet sla-engine: data/spec/replicas must be integer")
        .contains("Gadget g: no schema for example.com/v1 Gadget");
  }

  private Path render(String overlay) throws IOException {
    Tool kustomize =
        Tool.run(Tool.ROOT, List.of("kubectl", "kustomize", "deploy/k8s/overlays/" + overlay))
            .succeeded("kubectl kustomize of overlay " + overlay);
    Path rendered = dir.resolve(overlay + ".yaml");
    Files.writeString(rendered, kustomize.out());
    return rendered;
  }

  private static List<JsonNode> objects(Path rendered) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(rendered.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          objects.add(doc);
        }
      }
    }
    return objects;
  }

  private static JsonNode one(List<JsonNode> objects, String kind, String name) {
    Optional<JsonNode> found =
        objects.stream()
            .filter(o -> o.path("kind").asText().equals(kind))
            .filter(o -> o.path("metadata").path("name").asText().equals(name))
            .findFirst();
    assertThat(found).as(kind + " " + name).isPresent();
    return found.get();
  }
}
