package io.followup.sla.connect.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.crm.hubspot.HubSpotTransform;
import io.followup.sla.connect.crm.marketo.MarketoActivityTransform;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.salesforce.SalesforceCdcTransform;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.connect.crm.testing.WireRoundTrip;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * The vendor mappings under arbitrary payloads: every vendor sample with fields removed, nulled or
 * replaced by values of any type, JSON-like text and any string, given to every transform as text
 * and as a schemaless map. Each payload becomes an event the engine reads (written through the Avro
 * converter and read back), is dropped as no SLA event, or is refused with a {@link
 * MappingException} of one line (what Connect dead-letters); within a bound, never another
 * exception.
 */
class VendorMappingFuzzTest {

  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> SAMPLES =
      List.of(
          "salesforce/lead-create.json",
          "salesforce/lead-status-update.json",
          "salesforce/lead-owner-update.json",
          "salesforce/lead-mass-reassign.json",
          "salesforce/lead-gap-create.json",
          "salesforce/task-call-create.json",
          "salesforce/task-email-create.json",
          "salesforce/task-on-contact-create.json",
          "salesforce/event-meeting-create.json",
          "hubspot/contact-creation.json",
          "hubspot/contact-owner-change.json",
          "hubspot/contact-lifecycle-change.json",
          "hubspot/engagement-v1-email.json",
          "hubspot/engagement-v1-call.json",
          "hubspot/engagement-v3-email.json",
          "hubspot/engagement-v3-meeting.json",
          "marketo/visit-web-page.json",
          "marketo/fill-out-form.json",
          "marketo/click-email.json",
          "marketo/content-download.json",
          "marketo/change-score.json");

  private static final Map<String, Class<? extends SpecificRecord>> EVENTS =
      Map.of(
          "leads.lead-created", LeadCreated.class,
          "leads.status-changed", LeadStatusChanged.class,
          "leads.content-engaged", ContentEngaged.class,
          "leads.rep-touched", RepTouched.class);

  private static final List<Supplier<Transformation<SourceRecord>>> TRANSFORMS =
      List.of(
          SalesforceCdcTransform::new,
          HubSpotTransform::new,
          () -> new MarketoActivityTransform<>());

  private final WireRoundTrip wire = new WireRoundTrip();

  @Property
  void anEditedSampleMapsDropsOrIsRefusedInEveryTransform(
      @ForAll("editedSamples") JsonNode payload) {
    String text = payload.toString();
    Map<?, ?> map = JSON.convertValue(payload, Map.class);
    for (Supplier<Transformation<SourceRecord>> transform : TRANSFORMS) {
      assertTimeoutPreemptively(BOUND, () -> mapOrRefuse(transform.get(), text));
      assertTimeoutPreemptively(BOUND, () -> mapOrRefuse(transform.get(), map));
    }
  }

  @Property
  void jsonLikeTextMapsDropsOrIsRefused(@ForAll("jsonish") String text) {
    for (Supplier<Transformation<SourceRecord>> transform : TRANSFORMS) {
      assertTimeoutPreemptively(BOUND, () -> mapOrRefuse(transform.get(), text));
    }
  }

  @Property
  void anyStringAtAllMapsDropsOrIsRefused(@ForAll String text) {
    for (Supplier<Transformation<SourceRecord>> transform : TRANSFORMS) {
      assertTimeoutPreemptively(BOUND, () -> mapOrRefuse(transform.get(), text));
    }
  }

  private void mapOrRefuse(Transformation<SourceRecord> transform, Object value) {
    transform.configure(Map.of());
    SourceRecord out;
    try {
      out = transform.apply(Samples.record("vendor", value));
    } catch (MappingException refused) {
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
      return;
    } finally {
      transform.close();
    }
    if (out != null) {
      Class<? extends SpecificRecord> type = EVENTS.get(out.topic());
      assertThat(type).as(out.topic()).isNotNull();
      assertThat((String) out.key()).as("a namespaced lead id").matches("[^:]+:.+");
      SpecificRecord event = wire.read(out, type);
      assertThat(event.get(event.getSchema().getField("leadId").pos()).toString())
          .isEqualTo(out.key());
    }
  }

  /** A sample with a few fields, at any depth, removed or given a value of another kind. */
  @Provide
  Arbitrary<JsonNode> editedSamples() {
    Arbitrary<JsonNode> value =
        Arbitraries.oneOf(
            Arbitraries.just(JsonNodeFactory.instance.nullNode()),
            Arbitraries.strings().ofMaxLength(30).map(JsonNodeFactory.instance::textNode),
            Arbitraries.of(
                    "",
                    "Lead",
                    "Task",
                    "Event",
                    "CREATE",
                    "UPDATE",
                    "DELETE",
                    "GAP_UPDATE",
                    "contact.creation",
                    "contact.propertyChange",
                    "object.creation",
                    "EMAIL",
                    "CALL",
                    "NOTE",
                    "hubspot_owner_id",
                    "lifecyclestage",
                    "00Q1",
                    "0051",
                    "00G1",
                    "2026-03-06T09:00:00Z",
                    "2026-03-06T09:00:00",
                    "1772787600000",
                    "-1",
                    "99999999999999999999",
                    "1",
                    "22",
                    "x.pdf")
                .map(JsonNodeFactory.instance::textNode),
            Arbitraries.longs().map(JsonNodeFactory.instance::numberNode),
            Arbitraries.of(true, false).map(JsonNodeFactory.instance::booleanNode),
            Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
            Arbitraries.strings()
                .ofMaxLength(8)
                .list()
                .ofMaxSize(3)
                .map(
                    list -> {
                      ArrayNode array = JsonNodeFactory.instance.arrayNode();
                      list.forEach(array::add);
                      return array;
                    }),
            Arbitraries.just(JsonNodeFactory.instance.objectNode()));
    Arbitrary<Edit> edit =
        Combinators.combine(Arbitraries.integers().between(0, 1000), value.injectNull(0.25))
            .as(Edit::new);
    return Combinators.combine(Arbitraries.of(SAMPLES), edit.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (name, edits) -> {
              JsonNode tree = read(Samples.json(name));
              edits.forEach(e -> e.apply(tree));
              return tree;
            });
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> mutated =
        Combinators.combine(
                Arbitraries.of(SAMPLES).map(Samples::json),
                Arbitraries.integers().between(0, 2000),
                Arbitraries.integers().between(0, 12),
                Arbitraries.strings().withChars("{}[]\":,0123456789-tTZe.\\u ").ofMaxLength(5))
            .as(
                (text, at, cut, insert) -> {
                  int from = Math.min(at, text.length());
                  int to = Math.min(from + cut, text.length());
                  return text.substring(0, from) + insert + text.substring(to);
                });
    Arbitrary<String> noise =
        Arbitraries.strings().withChars("{}[]\":,0123456789-abtyTZenul.\\ ").ofMaxLength(60);
    return Arbitraries.oneOf(mutated, mutated, noise);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes (value null) or replaces the field at a position of a depth-first walk. */
  private record Edit(int position, JsonNode value) {

    void apply(JsonNode root) {
      List<Object[]> slots = new ArrayList<>();
      collect(root, slots);
      if (slots.isEmpty()) {
        return;
      }
      Object[] slot = slots.get(position % slots.size());
      if (slot[0] instanceof ObjectNode parent) {
        String field = (String) slot[1];
        if (value == null) {
          parent.remove(field);
        } else {
          parent.set(field, value.deepCopy());
        }
      } else if (slot[0] instanceof ArrayNode parent) {
        int index = (Integer) slot[1];
        if (value == null) {
          parent.remove(index);
        } else {
          parent.set(index, value.deepCopy());
        }
      }
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
      if (node instanceof ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          slots.add(new Object[] {object, name});
          collect(object.get(name), slots);
        }
      } else if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          slots.add(new Object[] {array, i});
          collect(array.get(i), slots);
        }
      }
    }
  }
}
