package io.followup.sla.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.access.Credential;
import io.followup.sla.access.Users;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.engine.SlaEngine;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.InJvmKafka;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager's page in a real browser: Debian's Chromium, driven by Playwright
 * (src/test/browser/page-check.mjs), against the engine running the demo workload with its demo
 * policy, logged in as West's manager. The script logs in, waits for an at-risk lead of the slow
 * rep, opens its timeline and watches it turn breached, opens the account's buying group and the
 * leaderboard, and looks at the page at a phone's width; a console error fails it. Screenshots are
 * kept in target/page-screenshots.
 */
class ManagerPageIT {

  private static final Path BROWSER_TESTS = Path.of("src/test/browser");
  private static final Path SCREENSHOTS = Path.of("target/page-screenshots");
  private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(4);

  @TempDir Path work;

  @Test
  void aManagerSeesALeadAtRiskTurnBreachedAndTheLeaderboardInChromium() throws Exception {
    npmPackagesInstalled();
    String password = Credential.randomSecret(new SecureRandom());
    Users users =
        Users.parse(
            List.of("R-MARCUS manager " + Credential.hashPassword(password, new SecureRandom())));
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
      PolicyHolder policy = new PolicyHolder(PolicyLoader.demo());
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      try (SlaEngine engine =
              SlaEngine.start(config, policy, registry, meters, Optional.of((short) 1));
          HttpEndpoints http =
              HttpEndpoints.start(
                  "127.0.0.1",
                  0,
                  meters,
                  engine::whyNotReady,
                  Optional.of(new ApiHandler(users, engine.queryApi(policy))));
          EventPublisher publisher =
              new EventPublisher(
                  kafka.bootstrapServers(), Map.of(), TopicNames.DEFAULTS, registry, true)) {
        assertThat(engine.awaitRunning(Duration.ofSeconds(60))).isTrue();
        DemoWorkload workload = new DemoWorkload(Clock.systemUTC(), 42, publisher::send);
        workload.start(executor);
        try {
          Run run =
              node(
                  Map.of(
                      "SLA_URL",
                      "http://127.0.0.1:" + http.port(),
                      "SLA_USER",
                      "R-MARCUS",
                      "SLA_PASSWORD",
                      password,
                      "SLA_TEAM",
                      "West Diagnostics",
                      "SLA_SLOW_REP",
                      "Dana Ortiz",
                      "SLA_SCREENSHOTS",
                      SCREENSHOTS.toAbsolutePath().toString()));
          System.out.println(run.output()); // the steps and their times, in the test's report
          assertThat(run.exitCode()).as("page-check.mjs:%n%s", run.output()).isZero();
          assertThat(run.output())
              .contains("turned breached", "axe rules pass, 0 fail", "page-check passed");
        } finally {
          workload.stop();
        }
      }
    } finally {
      executor.shutdownNow();
    }
    for (String shot :
        List.of(
            "01-login.png",
            "02-right-now.png",
            "03-lead-at-risk.png",
            "04-lead-breached.png",
            "06-leaderboard.png",
            "07-right-now-phone.png")) {
      assertThat(SCREENSHOTS.resolve(shot)).isNotEmptyFile();
    }
  }

  private record Run(int exitCode, String output) {}

  private Run node(Map<String, String> environment) throws IOException, InterruptedException {
    Path log = work.resolve("page-check.log");
    ProcessBuilder builder =
        new ProcessBuilder("node", "page-check.mjs")
            .directory(BROWSER_TESTS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "page-check.mjs did not finish within "
              + SCRIPT_LIMIT
              + ":\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Playwright from the committed lock file, installed when missing or older than the lock. */
  private static void npmPackagesInstalled() throws IOException, InterruptedException {
    Path installed = BROWSER_TESTS.resolve("node_modules/.package-lock.json");
    if (Files.exists(installed)
        && Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(BROWSER_TESTS.resolve("package-lock.json")))
            >= 0) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(BROWSER_TESTS.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(3, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new AssertionError("npm ci in " + BROWSER_TESTS + " failed:\n" + output);
    }
  }
}
