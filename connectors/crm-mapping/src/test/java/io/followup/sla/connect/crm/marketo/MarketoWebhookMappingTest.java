package io.followup.sla.connect.crm.marketo;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.connect.crm.testing.WireRoundTrip;
import io.followup.sla.events.ContentEngaged;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** A Marketo "Call Webhook" payload, as the README's template renders, as ContentEngaged. */
class MarketoWebhookMappingTest {

  private final WireRoundTrip wire = new WireRoundTrip();

  private static SourceRecord map(Map<String, String> config, String json) {
    MarketoConfig settings = new MarketoConfig(config);
    return CommonConfig.records(settings)
        .apply(Samples.record("crm.webhooks", json), new MarketoWebhookMapping(settings)::map);
  }

  @Test
  void aFormFillIsContentEngagedAtTheSystemDateTimeInCentralTime() {
    SourceRecord out = map(Map.of(), Samples.json("marketo/webhook-fill-out-form.json"));

    assertThat(out.topic()).isEqualTo("leads.content-engaged");
    assertThat(out.key()).isEqualTo("marketo:1001");
    ContentEngaged engaged = wire.read(out, ContentEngaged.class);
    // 11:00 in Chicago on 6 March 2026 (CST, UTC-6).
    assertThat(engaged.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T17:00:00Z"));
    assertThat(engaged.getAssetType()).isEqualTo("FORM");
    assertThat(engaged.getIntentScore()).isEqualTo(70);
    assertThat(engaged.getAssetId()).isEqualTo("marketo:Demo Request Form");
    assertThat(engaged.getEventId()).matches("marketo:webhook:[0-9a-f]{32}");
  }

  @Test
  void theSameActivityPostedTwiceHasOneEventIdAndAnotherTimeAnother() {
    String json = Samples.json("marketo/webhook-fill-out-form.json");
    String first = wire.read(map(Map.of(), json), ContentEngaged.class).getEventId();
    String again = wire.read(map(Map.of(), json), ContentEngaged.class).getEventId();
    String later =
        wire.read(map(Map.of(), json.replace("11:00:00", "11:00:01")), ContentEngaged.class)
            .getEventId();

    assertThat(again).isEqualTo(first);
    assertThat(later).isNotEqualTo(first);
  }

  @Test
  void theTimeZoneIsASettingAndAnOffsetInThePayloadWins() {
    String json = Samples.json("marketo/webhook-fill-out-form.json");
    assertThat(
            wire.read(
                    map(Map.of(MarketoConfig.WEBHOOK_TIME_ZONE, "UTC"), json), ContentEngaged.class)
                .getOccurredAt())
        .isEqualTo(Instant.parse("2026-03-06T11:00:00Z"));
    assertThat(
            wire.read(
                    map(Map.of(), json.replace("2026-03-06 11:00:00", "2026-03-06T11:00:00+01:00")),
                    ContentEngaged.class)
                .getOccurredAt())
        .isEqualTo(Instant.parse("2026-03-06T10:00:00Z"));
  }

  @Test
  void aLinkToAFileIsAContentDownload() {
    String json =
        Samples.json("marketo/webhook-fill-out-form.json")
            .replace("\"activityTypeId\": 2", "\"activityTypeId\": 3")
            .replace("https://www.example.com/demo", "https://www.example.com/guide.pdf");

    ContentEngaged engaged = wire.read(map(Map.of(), json), ContentEngaged.class);
    assertThat(engaged.getAssetType()).isEqualTo("CONTENT_DOWNLOAD");
    assertThat(engaged.getIntentScore()).isEqualTo(60);
  }
}
