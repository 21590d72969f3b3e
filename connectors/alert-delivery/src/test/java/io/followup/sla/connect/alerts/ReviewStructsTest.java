package io.followup.sla.connect.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.alerts.testing.Reviews;
import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.serde.SpecificAvroSerializer;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ReviewStructsTest {

  @Test
  void aReviewAsTheEngineWritesItReadsBackThroughTheConverterWhole() {
    InProcessSchemaRegistryClient registry =
        new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
    TeamWeeklyReview review = Reviews.east();
    byte[] wire =
        new SpecificAvroSerializer<TeamWeeklyReview>(registry, true)
            .serialize("sla.weekly-reviews", review);
    WireFormatAvroConverter converter = new WireFormatAvroConverter(registry);
    converter.configure(Map.of("schema.registry.url", "http://unused"), false);

    Object struct = converter.toConnectData("sla.weekly-reviews", wire).value();

    assertThat(ReviewStructs.toReview(struct)).isEqualTo(review);
    assertThatThrownBy(() -> ReviewStructs.toReview("text"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("not a TeamWeeklyReview: the value is a String");
  }
}
