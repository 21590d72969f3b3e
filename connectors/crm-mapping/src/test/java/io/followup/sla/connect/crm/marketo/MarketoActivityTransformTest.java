package io.followup.sla.connect.crm.marketo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.connect.crm.testing.WireRoundTrip;
import io.followup.sla.events.ContentEngaged;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class MarketoActivityTransformTest {

  private final WireRoundTrip wire = new WireRoundTrip();

  private static SourceRecord apply(String sample) {
    return apply(Map.of(), Samples.json(sample));
  }

  private static SourceRecord apply(Map<String, String> config, String json) {
    MarketoActivityTransform<SourceRecord> transform = new MarketoActivityTransform<>();
    transform.configure(config);
    return transform.apply(Samples.record("marketo.activities", json));
  }

  @Test
  void aWebPageVisitIsEngagementWithThePageAsAssetAtTheActivityDate() {
    SourceRecord out = apply("marketo/visit-web-page.json");

    assertThat(out.topic()).isEqualTo("leads.content-engaged");
    assertThat(out.key()).isEqualTo("marketo:1");
    ContentEngaged engaged = wire.read(out, ContentEngaged.class);
    assertThat(engaged.getEventId()).isEqualTo("marketo:activity:102988");
    assertThat(engaged.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T10:15:00Z"));
    assertThat(engaged.getAssetId()).isEqualTo("marketo:71");
    assertThat(engaged.getAssetType()).isEqualTo("WEB_PAGE");
    assertThat(engaged.getIntentScore()).isEqualTo(30);
    assertThat(engaged.getAssetTitle()).isEqualTo("www.example.com/pricing");
  }

  @Test
  void aFormFillAndAnEmailClickScoreByTheirType() {
    ContentEngaged form = wire.read(apply("marketo/fill-out-form.json"), ContentEngaged.class);
    assertThat(form.getAssetType()).isEqualTo("FORM");
    assertThat(form.getIntentScore()).isEqualTo(70);
    assertThat(form.getAssetId()).isEqualTo("marketo:1001");

    ContentEngaged click = wire.read(apply("marketo/click-email.json"), ContentEngaged.class);
    assertThat(click.getAssetType()).isEqualTo("EMAIL_CLICK");
    assertThat(click.getIntentScore()).isEqualTo(40);
    assertThat(click.getAssetTitle()).isEqualTo("Q1 Nurture - Email 2");
  }

  @Test
  void aClickOnAFileIsAContentDownload() {
    ContentEngaged download =
        wire.read(apply("marketo/content-download.json"), ContentEngaged.class);
    assertThat(download.getAssetType()).isEqualTo("CONTENT_DOWNLOAD");
    assertThat(download.getIntentScore()).isEqualTo(60);

    String emailLinkToPdf =
        Samples.json("marketo/click-email.json")
            .replace("webinars/data-ops", "assets/guide.PDF?utm_source=nurture");
    assertThat(wire.read(apply(Map.of(), emailLinkToPdf), ContentEngaged.class).getAssetType())
        .isEqualTo("CONTENT_DOWNLOAD");
  }

  @Test
  void anActivityTypeNotInTheTableIsRefusedUntilTheTableNamesIt() {
    assertThatThrownBy(() -> apply("marketo/change-score.json"))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("activityTypeId '22' is not in activity.map");

    Map<String, String> config = Map.of("activity.map", "22=-,100001=WEBINAR_ATTENDED:80");
    assertThat(apply(config, Samples.json("marketo/change-score.json"))).isNull();
    String custom =
        Samples.json("marketo/change-score.json")
            .replace("\"activityTypeId\": 22", "\"activityTypeId\": 100001");
    ContentEngaged webinar = wire.read(apply(config, custom), ContentEngaged.class);
    assertThat(webinar.getAssetType()).isEqualTo("WEBINAR_ATTENDED");
    assertThat(webinar.getIntentScore()).isEqualTo(80);
  }

  @Test
  void aTableWithAScoreAbove100OrANonNumericIdIsRefusedAtConfigure() {
    assertThatThrownBy(() -> apply(Map.of("activity.map", "1=WEB_PAGE:101"), "{}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("above 100");
    assertThatThrownBy(() -> apply(Map.of("activity.map", "visit=WEB_PAGE"), "{}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not an activity type id");
  }

  @Test
  void anActivityWithoutDateOrWithALocalTimeIsRefused() {
    String noDate =
        Samples.json("marketo/visit-web-page.json")
            .replace("\"activityDate\": \"2026-03-06T10:15:00Z\",", "");
    assertThatThrownBy(() -> apply(Map.of(), noDate))
        .isInstanceOf(MappingException.class)
        .hasMessage("no activityDate in the payload");
    String local = Samples.json("marketo/visit-web-page.json").replace("10:15:00Z", "10:15:00");
    assertThatThrownBy(() -> apply(Map.of(), local))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("not a timestamp");
  }
}
