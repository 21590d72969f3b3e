package io.followup.sla.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person gets it: rendered for five minutes of the demo's story and opened in
 * headless Chromium (Debian's {@code chromium} package), which must show every section and chart
 * without a console error. The page and its screenshot stay in {@code target/report-it/} for a
 * look.
 */
class ReportChromiumIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long CHROMIUM_TIMEOUT_SECONDS = 60;
  private static final Path OUT = Path.of("target", "report-it");
  private static final Instant START = Instant.parse("2026-03-06T14:00:00Z");

  private static Path page;
  private static List<String> contactNames;

  @TempDir Path profile;

  @BeforeAll
  static void renderDemoReport() throws IOException {
    List<SpecificRecord> story =
        new DemoWorkload(Clock.fixed(START, ZoneOffset.UTC), 7)
            .script(START, Duration.ofMinutes(5));
    Policy policy = PolicyLoader.demo();
    Map<String, RepProfile> reps = new HashMap<>();
    contactNames = new ArrayList<>();
    ReplayReport report = new ReplayReport(policy);
    for (SpecificRecord event : story) {
      if (event instanceof RepProfile rep) {
        reps.put(rep.getRepId(), rep);
        report.accept(rep);
      } else if (event instanceof LeadCreated created && created.getContactName() != null) {
        contactNames.add(created.getContactName());
      }
    }
    ReplayDriver driver =
        new ReplayDriver(
            SlaRules.standard(),
            policy,
            RepDirectory.of(reps),
            report.alerts(),
            report.clockEvents());
    Instant last = START;
    for (SpecificRecord event : story) {
      if (LeadEvents.isLeadEvent(event)) {
        report.accept(event);
        driver.accept(event);
        last = LeadEvents.occurredAt(event);
      }
    }
    driver.advanceTo(last);
    Files.createDirectories(OUT);
    page = OUT.resolve("report.html").toAbsolutePath();
    Files.writeString(page, new HtmlReport().render(report.model(last)), StandardCharsets.UTF_8);
  }

  @Test
  void rendersEverySectionAndChartWithoutErrors() throws Exception {
    Run run = chromium("--dump-dom", page.toUri().toString());

    assertThat(consoleErrors(run.stderr())).as("console messages of the page").isEmpty();
    String dom = run.stdout();
    for (String section :
        List.of(
            HtmlReport.SECTION_SOURCE,
            HtmlReport.SECTION_REP,
            HtmlReport.SECTION_FIRST_TOUCH,
            HtmlReport.SECTION_COVERAGE,
            HtmlReport.SECTION_OFFENDERS)) {
      assertThat(dom).contains("<h2>" + section + "</h2>");
    }
    // Compliance by source (two rules), by rep, the histogram, sparklines and coverage meters.
    assertThat(count(dom, "<svg class=\"chart\"")).isGreaterThanOrEqualTo(10);
    assertThat(dom).contains("<rect class=\"bar hist\"").contains("median ").contains("p90 ");
    assertThat(dom).contains("policy <strong>demo</strong>");
    // Leads are named by id only: no contact name of the story reaches the page.
    assertThat(contactNames).isNotEmpty();
    for (String name : contactNames) {
      assertThat(dom).doesNotContain(name);
    }
  }

  @Test
  void screenshotShowsAFullPage() throws Exception {
    Path png = OUT.resolve("report.png").toAbsolutePath();
    Files.deleteIfExists(png);
    Run run =
        chromium(
            "--screenshot=" + png,
            "--window-size=1280,4000",
            "--hide-scrollbars",
            page.toUri().toString());

    assertThat(consoleErrors(run.stderr())).as("console messages of the page").isEmpty();
    assertThat(png).exists();
    int[] size = pngSize(png);
    assertThat(size).containsExactly(1280, 4000);
    // A blank 1280x4000 page compresses to a few kilobytes; text, tables and charts do not.
    assertThat(Files.size(png)).isGreaterThan(100_000);
  }

  @Test
  void theConsoleCheckSeesAnUncaughtError() throws Exception {
    // Proves the check above can fail: a page whose script throws is caught by it.
    Path broken = profile.resolve("broken.html");
    Files.writeString(
        broken, "<!DOCTYPE html><title>x</title><p>x</p><script>notDefined();</script>");
    Run run = chromium("--dump-dom", broken.toUri().toString());
    assertThat(consoleErrors(run.stderr())).anyMatch(line -> line.contains("Uncaught"));
  }

  private record Run(String stdout, String stderr) {}

  /** Runs headless Chromium once, bounded in time, with a fresh profile and no network chatter. */
  private Run chromium(String... args) throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          "this test needs Chromium at "
              + CHROMIUM
              + "; install the Debian package: apt-get install -y chromium");
    }
    Path userData = Files.createTempDirectory(profile, "chromium-");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + userData,
                "--enable-logging=stderr",
                "--v=0"));
    command.addAll(Arrays.asList(args));
    Path stdout = Files.createTempFile(profile, "chromium", ".out");
    Path stderr = Files.createTempFile(profile, "chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!process.waitFor(CHROMIUM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail(
          "Chromium did not finish within %d s; stderr:%n%s",
          CHROMIUM_TIMEOUT_SECONDS, Files.readString(stderr));
    }
    String err = Files.readString(stderr);
    if (process.exitValue() != 0) {
      fail("Chromium exited with %d; stderr:%n%s", process.exitValue(), err);
    }
    return new Run(Files.readString(stdout), err);
  }

  /**
   * What the page itself said: Chromium logs console messages and uncaught exceptions as {@code
   * :CONSOLE} lines. Its own noise (no D-Bus, no GPU in a container) is not the page's.
   */
  private static List<String> consoleErrors(String stderr) {
    return stderr
        .lines()
        .filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught"))
        .toList();
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Width and height from the PNG signature and IHDR chunk. */
  private static int[] pngSize(Path png) throws IOException {
    try (InputStream in = Files.newInputStream(png);
        DataInputStream data = new DataInputStream(in)) {
      byte[] signature = data.readNBytes(8);
      assertThat(signature)
          .as("PNG signature")
          .containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
      data.readInt();
      assertThat(data.readInt()).as("IHDR").isEqualTo(0x49484452);
      return new int[] {data.readInt(), data.readInt()};
    }
  }
}
