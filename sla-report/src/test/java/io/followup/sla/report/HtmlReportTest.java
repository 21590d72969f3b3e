package io.followup.sla.report;

import static io.followup.sla.rules.TestEvents.h;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.rules.TestEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The page: every section, every text from data escaped, nothing fetched from anywhere. */
class HtmlReportTest {

  private static final String EVIL_REP = "<script>alert('owned')</script>";
  private static final String EVIL_ACCOUNT = "\"><img src=x onerror=alert(1)> & Co";
  private static final String EVIL_LEAD = "L-<b>1</b>";

  private static final List<String> SECTIONS =
      List.of(
          HtmlReport.SECTION_SOURCE,
          HtmlReport.SECTION_REP,
          HtmlReport.SECTION_FIRST_TOUCH,
          HtmlReport.SECTION_COVERAGE,
          HtmlReport.SECTION_OFFENDERS);

  private static String page() {
    List<SpecificRecord> events = new ArrayList<>(ReplayReportTest.history());
    events.add(RepProfile.newBuilder().setRepId("R-EVIL").setName(EVIL_REP).build());
    events.add(
        LeadCreated.newBuilder(
                TestEvents.created(EVIL_LEAD, Duration.ZERO, "RFP_REQUEST", null, "R-EVIL"))
            .setAccountId("A-<i>")
            .setAccountName(EVIL_ACCOUNT)
            .build());
    events.add(TestEvents.touch("L-01", h(2), "R-EVIL"));
    return new HtmlReport().render(ReplayReportTest.replay(events, TestEvents.at(h(100))));
  }

  @Test
  void escapesEveryTextFromData() {
    String page = page();
    assertThat(page)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<b>1</b>")
        .doesNotContain("<i>")
        .contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;")
        .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Co")
        .contains("L-&lt;b&gt;1&lt;/b&gt;");
  }

  @Test
  void hasEverySectionWithHowToReadItAndCharts() {
    String page = page();
    for (String section : SECTIONS) {
      assertThat(page).contains("<h2>" + section + "</h2>");
    }
    assertThat(page.split("How to read this:", -1)).hasSize(SECTIONS.size() + 1);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("policy <strong>default</strong> version <strong>builtin-1</strong>")
        .contains("<svg class=\"chart\"")
        .contains("time from hand-off to first touch")
        .contains("Ana Lima")
        .contains("still open");
    // Overall first-touch compliance of the hand-made history, in the header and the rule line.
    assertThat(page).contains("Overall: <strong>");
  }

  @Test
  void fetchesNothing() {
    String page = page();
    Matcher external =
        Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(page);
    assertThat(external.find()).as("an external src or href").isFalse();
    assertThat(page.toLowerCase())
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .contains("content-security-policy")
        .contains("default-src 'none'");
  }

  @Test
  void anEmptyHistoryStillRendersEverySection() {
    ReplayReport report = new ReplayReport(PolicyLoader.builtInDefault());
    String page = new HtmlReport().render(report.model(TestEvents.T0));
    for (String section : SECTIONS) {
      assertThat(page).contains("<h2>" + section + "</h2>");
    }
    assertThat(page)
        .contains("No SLA clock ran in this period.")
        .contains("No open lead belongs to an account.")
        .contains("No breaches in this period.");
  }
}
