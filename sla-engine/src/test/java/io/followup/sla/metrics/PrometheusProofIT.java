package io.followup.sla.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.engine.SlaEngine;
import io.followup.sla.http.HttpEndpoints;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.InJvmKafka;
import io.followup.sla.testing.LocalPrometheus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof against the real thing: Debian's Prometheus scrapes the engine while the demo workload
 * runs, and every dashboard panel query and every alert rule expression is evaluated through its
 * HTTP API. Each must parse; each panel query must return data. promtool checks the deploy files.
 */
class PrometheusProofIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String JOB = "followup-sla-engine";

  /** How long the workload may run for every panel to get data; the first breaches take ~50 s. */
  private static final Duration DATA_DEADLINE = Duration.ofSeconds(110);

  /** A guard on cardinality: what one instance serves with the demo running. */
  private static final int MAX_SERIES = 5_000;

  private static final Map<String, String> GRAFANA_VARIABLES =
      Map.of(
          "team", ".*",
          "source", ".*",
          "instance", ".*",
          "__rate_interval", "1m",
          "__range", "10m",
          "__interval", "15s");

  @TempDir Path work;

  @Test
  void everyPanelQueryHasDataAndEveryAlertRuleEvaluatesOnARealPrometheus() throws Exception {
    long started = System.nanoTime();
    Path deploy = deployDir();
    Path prometheusDir = deploy.resolve("prometheus");
    // Both binaries first, so a machine without them fails at once with the install line.
    LocalPrometheus.binary("prometheus");
    LocalPrometheus.binary("promtool");

    assertSucceeds(LocalPrometheus.promtool(prometheusDir, "check", "config", "prometheus.yml"));
    assertSucceeds(LocalPrometheus.promtool(prometheusDir, "check", "rules", "alerts.yml"));
    assertSucceeds(
        LocalPrometheus.promtool(prometheusDir, "test", "rules", "tests/alerts_test.yml"));

    List<PanelQuery> panelQueries = new ArrayList<>();
    List<String> variableQueries = new ArrayList<>();
    try (Stream<Path> files = Files.list(deploy.resolve("grafana/dashboards"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode dashboard = JSON.readTree(file.toFile());
        collectPanels(file.getFileName().toString(), dashboard.path("panels"), panelQueries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
          if ("query".equals(variable.path("type").asText())) {
            variableQueries.add(variable.path("definition").asText());
          }
        }
      }
    }
    assertThat(panelQueries).hasSizeGreaterThan(30);
    assertThat(variableQueries).hasSizeGreaterThanOrEqualTo(3);
    List<String> ruleExpressions = new ArrayList<>();
    for (JsonNode group :
        YAML.readTree(prometheusDir.resolve("alerts.yml").toFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        ruleExpressions.add(rule.path("expr").asText());
      }
    }
    assertThat(ruleExpressions).hasSize(7);

    ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    try (InJvmKafka kafka = InJvmKafka.start();
        EmbeddedSchemaRegistry registryServer =
            EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "localhost", 0)) {
      HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(registryServer.url());
      EngineConfig config =
          EngineConfig.of(
              Map.of(
                  EngineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                  EngineConfig.SCHEMA_REGISTRY_URL, registryServer.url(),
                  EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, "true",
                  EngineConfig.DATA_DIR, work.resolve("engine").toString(),
                  EngineConfig.PUNCTUATE_INTERVAL, "PT0.5S"));
      Policy demo = PolicyLoader.demo();
      EngineMeters meters =
          EngineMeters.prometheus(TopicNames.DEFAULTS.all(), SlaEngine.DEFAULT_APPLICATION_ID);
      List<String> refused = new CopyOnWriteArrayList<>();
      meters
          .registry()
          .config()
          .onMeterRegistrationFailed((id, reason) -> refused.add(id.getName() + ": " + reason));
      try (meters;
          SlaEngine engine =
              SlaEngine.start(
                  config,
                  new PolicyHolder(demo),
                  registry,
                  meters.registry(),
                  Optional.of((short) 1));
          HttpEndpoints http =
              HttpEndpoints.start("127.0.0.1", 0, meters.registry(), engine::isRunning);
          EventPublisher publisher =
              new EventPublisher(
                  kafka.bootstrapServers(), Map.of(), TopicNames.DEFAULTS, registry, true);
          LocalPrometheus prometheus =
              LocalPrometheus.start(
                  Files.createDirectories(work.resolve("prometheus")),
                  prometheusConfig(prometheusDir.resolve("alerts.yml"), http.port()))) {
        assertThat(engine.awaitRunning(Duration.ofSeconds(60))).isTrue();
        long workloadStarted = System.nanoTime();
        DemoWorkload workload = new DemoWorkload(Clock.systemUTC(), 42, publisher::send);
        workload.start(executor);

        Map<String, String> missing = new LinkedHashMap<>();
        long deadline = workloadStarted + DATA_DEADLINE.toNanos();
        do {
          Thread.sleep(5_000);
          missing.clear();
          for (PanelQuery q : panelQueries) {
            JsonNode response = prometheus.query(q.promql());
            assertThat(response.path("status").asText())
                .as("%s parses and evaluates: %s", q, response)
                .isEqualTo("success");
            if (!hasData(response)) {
              missing.put(q.toString(), response.path("data").toString());
            }
          }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        long dataAfter = System.nanoTime() - workloadStarted;
        workload.stop();

        assertThat(missing).as("panel queries without data after %s", DATA_DEADLINE).isEmpty();
        // Every Kafka client meter made it into the registry: none refused for its tag keys.
        assertThat(refused).as("meters Prometheus refused").isEmpty();

        for (String definition : variableQueries) {
          JsonNode response = prometheus.query(labelValuesAsQuery(definition));
          assertThat(hasData(response))
              .as("variable %s has values: %s", definition, response)
              .isTrue();
        }
        for (String expression : ruleExpressions) {
          JsonNode response = prometheus.query(expression);
          assertThat(response.path("status").asText())
              .as("alert rule expression parses and evaluates: %s%n%s", expression, response)
              .isEqualTo("success");
        }
        // Prometheus loaded the very rule file and evaluates every rule without error.
        JsonNode rules = prometheus.api("/api/v1/rules").path("data").path("groups");
        List<JsonNode> loaded = new ArrayList<>();
        rules.forEach(g -> g.path("rules").forEach(loaded::add));
        assertThat(loaded).hasSize(ruleExpressions.size());
        assertThat(loaded)
            .allSatisfy(
                r -> assertThat(r.path("health").asText()).as(r.toString()).isEqualTo("ok"));
        assertThat(prometheus.query("up{job=\"" + JOB + "\"}").path("data").path("result"))
            .singleElement()
            .satisfies(r -> assertThat(r.path("value").get(1).asText()).isEqualTo("1"));

        long series =
            prometheus
                .query("scrape_samples_scraped{job=\"" + JOB + "\"}")
                .path("data")
                .path("result")
                .get(0)
                .path("value")
                .get(1)
                .asLong();
        int scrapeBytes = meters.registry().scrape().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(
            "Prometheus proof: %d panel queries, %d"
                + " variables, %d alert rules; every panel had data %.0f s after the workload"
                + " started; one scrape = %d series, %d bytes; test ran %.0f s.%n",
            panelQueries.size(),
            variableQueries.size(),
            ruleExpressions.size(),
            dataAfter / 1e9,
            series,
            scrapeBytes,
            (System.nanoTime() - started) / 1e9);
        assertThat(series).as("series in one scrape").isPositive().isLessThan(MAX_SERIES);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static String prometheusConfig(Path rules, int enginePort) {
    return """
    global:
      scrape_interval: 1s
      evaluation_interval: 1s
    rule_files:
      - %s
    scrape_configs:
      - job_name: %s
        metrics_path: /metrics
        static_configs:
          - targets: ["127.0.0.1:%d"]
    """
        .formatted(rules.toAbsolutePath(), JOB, enginePort);
  }

  /** Every target of every panel, rows' nested panels included, with Grafana's variables set. */
  private static void collectPanels(String dashboard, JsonNode panels, List<PanelQuery> out) {
    for (JsonNode panel : panels) {
      collectPanels(dashboard, panel.path("panels"), out);
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText("");
        if (!expr.isBlank()) {
          out.add(
              new PanelQuery(
                  dashboard,
                  panel.path("title").asText(),
                  target.path("refId").asText(),
                  substitute(expr)));
        }
      }
    }
  }

  static String substitute(String expr) {
    String out = expr;
    for (Map.Entry<String, String> v : GRAFANA_VARIABLES.entrySet()) {
      out =
          out.replace("${" + v.getKey() + "}", v.getValue())
              .replace("$" + v.getKey(), v.getValue());
    }
    Matcher left = Pattern.compile("\\$\\{?\\w+").matcher(out);
    assertThat(left.find()).as("a variable the proof does not know in %s", expr).isFalse();
    return out;
  }

  /** {@code label_values(metric, label)} as a query whose result has one series per value. */
  private static String labelValuesAsQuery(String definition) {
    Matcher m = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)").matcher(definition.strip());
    assertThat(m.matches()).as("a label_values variable: %s", definition).isTrue();
    return "count by (" + m.group(2) + ") (" + m.group(1) + ")";
  }

  /** At least one series with a finite value: NaN is what an empty ratio looks like. */
  private static boolean hasData(JsonNode response) {
    JsonNode data = response.path("data");
    if (!"vector".equals(data.path("resultType").asText())) {
      return data.path("result").size() > 0;
    }
    for (JsonNode series : data.path("result")) {
      String value = series.path("value").get(1).asText();
      if (!value.equals("NaN") && !value.endsWith("Inf")) {
        return true;
      }
    }
    return false;
  }

  private static void assertSucceeds(LocalPrometheus.ToolRun run) {
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS");
  }

  /** The repository's deploy/ directory, found upwards from where the build runs. */
  private static Path deployDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("deploy/prometheus"))) {
        return dir.resolve("deploy");
      }
      dir = dir.getParent();
    }
    throw new AssertionError("no deploy/prometheus above " + Path.of("").toAbsolutePath());
  }

  private record PanelQuery(String dashboard, String panel, String refId, String promql) {
    @Override
    public String toString() {
      return dashboard + " / " + panel + " / " + refId + ": " + promql;
    }
  }
}
