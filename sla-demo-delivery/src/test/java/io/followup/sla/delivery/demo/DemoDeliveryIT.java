package io.followup.sla.delivery.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.cli.SlaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sla demo} as a person runs it, in this JVM with this module on the class path: the alerts
 * it prints reach people through a real Connect worker running the alert-delivery plugin from its
 * plugin directory, and each delivery is printed. What was printed is checked against what the
 * local SMTP catcher and chat receiver really received.
 */
class DemoDeliveryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INBOX = Pattern.compile("Everything delivered: (http://\\S+/inbox)");

  @TempDir Path dir;

  @Test
  void alertsReachPeopleByEmailAndChatWithinAMinuteOfTheWorkloadsStart() throws Exception {
    // Free ports for the broker, registry and HTTP: the defaults may be taken on this machine.
    Path config = dir.resolve("ports.properties");
    Files.writeString(
        config, "embedded.kafka-port=0\nembedded.schema-registry-port=0\nhttp.port=0\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> demo =
          runner.submit(
              () ->
                  SlaCommand.execute(
                      new String[] {
                        "demo",
                        "--duration",
                        "PT60S",
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--config",
                        config.toString()
                      },
                      new PrintWriter(out, true),
                      new PrintWriter(err, true)));

      // Start-up of broker, engine and worker is slow on a busy machine; the clock of the
      // promise starts when the workload does.
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .failFast(demo::isDone)
          .until(() -> out.toString().contains("Alerts as they fire"));
      long workloadStarted = System.nanoTime();
      String intro = out.toString();
      assertThat(intro).as(intro).contains("Alert delivery in ").doesNotContain("Could not start");
      Matcher inboxUrl = INBOX.matcher(intro);
      assertThat(inboxUrl.find()).as(intro).isTrue();

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .failFast(demo::isDone)
          .until(
              () ->
                  delivered(out).stream().anyMatch(l -> l.contains("emailed "))
                      && delivered(out).stream().anyMatch(l -> l.contains("posted to ")));
      double firstDeliveries = (System.nanoTime() - workloadStarted) / 1e9;
      List<String> printed = delivered(out);
      JsonNode inbox = get(inboxUrl.group(1));

      // Printed only for what arrived: every printed email is one the catcher received.
      long printedEmails = printed.stream().filter(l -> l.contains("emailed ")).count();
      long printedPosts = printed.stream().filter(l -> l.contains("posted to ")).count();
      assertThat(inbox.path("emails").size()).isGreaterThanOrEqualTo((int) printedEmails);
      assertThat(inbox.path("posts").size()).isGreaterThanOrEqualTo((int) printedPosts);
      for (JsonNode email : inbox.path("emails")) {
        assertThat(email.path("to").asText()).endsWith("@lumenbio-supply.example");
        assertThat(email.path("subject").asText()).startsWith("[SLA] ");
      }
      for (JsonNode post : inbox.path("posts")) {
        assertThat(post.path("channel").asText())
            .isIn("/slack/east-biopharma", "/teams/west-diagnostics");
      }
      // A person is named, with their part, and the alert's words: what a reader needs.
      assertThat(printed)
          .anyMatch(
              l -> l.matches(".*DELIVERED  emailed [A-Z][a-z]+ [A-Z][a-z]+ \\((rep|manager)\\).*"))
          .anyMatch(
              l ->
                  l.matches(
                      ".*DELIVERED  posted to (#east-biopharma|the West Diagnostics channel in"
                          + " Teams).*: (Warning|Breached|Escalated|Resolved): .*, lead L-\\d+.*"));

      assertThat(demo.get(3, TimeUnit.MINUTES)).as(err.toString()).isZero();
      // Lukas's working day starts a minute in: his first alerts are held, and said to be.
      assertThat(out.toString()).contains("HELD       for Lukas Brandt (rep) until ");
      assertThat(out.toString())
          .as("the summary counts deliveries")
          .containsPattern("; [1-9]\\d* deliveries, the first \\d+\\.\\d s after the workload");
      System.out.printf(
          "First email and post printed %.1f s after the workload started%n", firstDeliveries);
    } finally {
      // A failed check stops the demo (an interrupt), which must be over before its data
      // directory is deleted.
      runner.shutdownNow();
      runner.awaitTermination(2, TimeUnit.MINUTES);
    }
  }

  private static List<String> delivered(StringWriter out) {
    List<String> lines = new ArrayList<>();
    out.toString().lines().filter(l -> l.contains("  DELIVERED  ")).forEach(lines::add);
    return lines;
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
