package io.followup.sla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.registry.SchemaRegistry.SchemaVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

  private static final String SUBJECT = "leads.lead-created-value";

  private static final String V1 = record("{\"name\":\"id\",\"type\":\"string\"}");

  /** Adds a field with a default: BACKWARD and FORWARD compatible with V1. */
  private static final String V2_OPTIONAL_FIELD =
      record(
          "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");

  /**
   * Adds a field without a default: a reader on it cannot read V1 data, so not BACKWARD compatible.
   */
  private static final String V2_REQUIRED_FIELD =
      record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"score\",\"type\":\"int\"}");

  private final InMemorySchemaStore store = new InMemorySchemaStore();
  private final SchemaRegistry registry = new SchemaRegistry(store);

  @Test
  void registeringTheSameSchemaTwiceAnswersTheSameIdAndVersion() {
    SchemaVersion first = registry.register(SUBJECT, V1);
    SchemaVersion again = registry.register(SUBJECT, V1);

    assertThat(first.id()).isEqualTo(1);
    assertThat(first.version()).isEqualTo(1);
    assertThat(again).isEqualTo(first);
    assertThat(registry.versions(SUBJECT)).containsExactly(1);
    assertThat(store.load()).hasSize(1);
  }

  @Test
  void schemasAreComparedByCanonicalFormNotByText() throws IOException {
    int fromGeneratedClass =
        registry.register(SUBJECT, LeadCreated.getClassSchema().toString()).id();
    String asWritten = avsc("LeadCreated");
    String reformatted = LeadCreated.getClassSchema().toString(true);

    assertThat(LeadCreated.getClassSchema().toString())
        .contains("avro.java.string")
        .isNotEqualTo(asWritten);
    assertThat(registry.register(SUBJECT, asWritten).id()).isEqualTo(fromGeneratedClass);
    assertThat(registry.register(SUBJECT, reformatted).id()).isEqualTo(fromGeneratedClass);
    assertThat(registry.lookup(SUBJECT, asWritten, null).version()).isEqualTo(1);
    assertThat(registry.versions(SUBJECT)).containsExactly(1);
  }

  @Test
  void theSameSchemaUnderAnotherSubjectKeepsItsGlobalId() {
    int id = registry.register("a-value", V1).id();
    registry.register("b-value", V2_REQUIRED_FIELD);

    SchemaVersion underC = registry.register("c-value", V1);

    assertThat(underC.id()).isEqualTo(id);
    assertThat(underC.version()).isEqualTo(1);
    assertThat(registry.usesOf(id))
        .extracting(SchemaRegistry.SubjectVersion::subject)
        .containsExactly("a-value", "c-value");
    assertThat(registry.schemaCount()).isEqualTo(2);
  }

  @Test
  void versionsCountUpAndLatestIsTheHighest() {
    registry.register(SUBJECT, V1);
    SchemaVersion second = registry.register(SUBJECT, V2_OPTIONAL_FIELD);

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.id()).isEqualTo(2);
    assertThat(registry.versions(SUBJECT)).containsExactly(1, 2);
    assertThat(registry.version(SUBJECT, "latest")).isEqualTo(second);
    assertThat(registry.version(SUBJECT, "-1")).isEqualTo(second);
    assertThat(registry.version(SUBJECT, "1").id()).isEqualTo(1);
    assertThat(registry.schemaText(2)).isEqualTo(second.schema());
    assertThat(registry.subjects()).containsExactly(SUBJECT);
  }

  @Test
  void aBackwardBreakingChangeIsRefusedWith409AndAcceptedUnderNone() {
    registry.register(SUBJECT, V1);

    assertThatThrownBy(() -> registry.register(SUBJECT, V2_REQUIRED_FIELD))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(409);
              assertThat(e.httpStatus()).isEqualTo(409);
            })
        .hasMessageContaining("incompatible with an earlier schema for subject \"" + SUBJECT + "\"")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
        .hasMessageContaining("score");
    assertThat(registry.versions(SUBJECT)).containsExactly(1);

    registry.setCompatibility(SUBJECT, CompatibilityLevel.NONE);

    assertThat(registry.register(SUBJECT, V2_REQUIRED_FIELD).version()).isEqualTo(2);
  }

  @Test
  void forwardRefusesWhatOldReadersCannotRead() {
    registry.setCompatibility(SUBJECT, CompatibilityLevel.FORWARD);
    registry.register(SUBJECT, V2_REQUIRED_FIELD);

    // Dropping "score" leaves readers on the old schema without a value for it.
    assertThatThrownBy(() -> registry.register(SUBJECT, V1))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessageContaining("version 1 cannot read data written with it");
    // The reverse step, adding a required field, is forward compatible: old readers ignore it.
    registry.setCompatibility("other", CompatibilityLevel.FORWARD);
    registry.register("other", V1);
    assertThat(registry.register("other", V2_REQUIRED_FIELD).version()).isEqualTo(2);
  }

  @Test
  void fullNeedsBothDirections() {
    registry.setGlobalCompatibility(CompatibilityLevel.FULL);
    registry.register(SUBJECT, V1);

    assertThatThrownBy(() -> registry.register(SUBJECT, V2_REQUIRED_FIELD))
        .isInstanceOf(RegistryException.class);
    assertThat(registry.register(SUBJECT, V2_OPTIONAL_FIELD).version()).isEqualTo(2);
  }

  @Test
  void transitiveLevelsCheckEveryEarlierVersion() {
    String v1 =
        record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"code\",\"type\":\"string\"}");
    String v2 = record("{\"name\":\"id\",\"type\":\"string\"}");
    // Compatible with v2 (a new field with a default), but cannot read v1's string "code" as an
    // int.
    String v3 =
        record(
            "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"code\",\"type\":\"int\",\"default\":0}");
    for (String subject : List.of("plain", "transitive")) {
      registry.register(subject, v1);
      registry.register(subject, v2);
    }
    registry.setCompatibility("transitive", CompatibilityLevel.BACKWARD_TRANSITIVE);

    assertThat(registry.register("plain", v3).version()).isEqualTo(3);
    assertThatThrownBy(() -> registry.register("transitive", v3))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("cannot read data written with version 1");
    assertThat(registry.testCompatibility("transitive", "latest", v3, null).compatible()).isFalse();
    assertThat(registry.testCompatibility("transitive", "2", v3, null).compatible()).isTrue();
  }

  @Test
  void testingCompatibilityChangesNothing() {
    registry.register(SUBJECT, V1);

    SchemaRegistry.CompatibilityCheck check =
        registry.testCompatibility(SUBJECT, "latest", V2_REQUIRED_FIELD, null);

    assertThat(check.compatible()).isFalse();
    assertThat(check.messages())
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(registry.testCompatibility(SUBJECT, "1", V2_OPTIONAL_FIELD, null).compatible())
        .isTrue();
    assertThat(registry.testCompatibility("new-subject", "latest", V1, null).compatible()).isTrue();
    assertThat(registry.versions(SUBJECT)).containsExactly(1);
  }

  @Test
  void aSubjectWithoutItsOwnLevelFollowsTheGlobalOne() {
    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(registry.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.BACKWARD);

    registry.setGlobalCompatibility(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(registry.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(registry.subjectCompatibility(SUBJECT)).isEmpty();

    registry.setCompatibility(SUBJECT, CompatibilityLevel.NONE);
    assertThat(registry.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.compatibility("other")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

    assertThat(registry.deleteCompatibility(SUBJECT)).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
  }

  @Test
  void compatibilityLevelsParseInAnyCaseAndRefuseUnknownNames() {
    assertThat(CompatibilityLevel.parse("backward_transitive"))
        .isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }

  @Test
  void badRequestsGetConfluentsErrorCodes() {
    registry.register(SUBJECT, V1);

    assertThat(code(() -> registry.versions("nope"))).isEqualTo(40401);
    assertThat(code(() -> registry.version(SUBJECT, "7"))).isEqualTo(40402);
    assertThat(code(() -> registry.schemaText(99))).isEqualTo(40403);
    assertThat(code(() -> registry.lookup(SUBJECT, V2_OPTIONAL_FIELD, null))).isEqualTo(40403);
    assertThat(code(() -> registry.lookup("nope", V1, null))).isEqualTo(40401);
    assertThat(code(() -> registry.version(SUBJECT, "0"))).isEqualTo(42202);
    assertThat(code(() -> registry.version(SUBJECT, "first"))).isEqualTo(42202);
    assertThat(code(() -> registry.register(SUBJECT, "{\"type\":\"record\",\"name\":\"X\"}")))
        .isEqualTo(42201);
    assertThat(code(() -> registry.register(SUBJECT, "not json"))).isEqualTo(42201);
    assertThat(code(() -> registry.register(SUBJECT, ""))).isEqualTo(42201);
    assertThatThrownBy(() -> registry.register(SUBJECT, "syntax = \"proto3\";", "PROTOBUF"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201))
        .hasMessage("Schema type PROTOBUF is not supported: this registry holds Avro schemas only");
  }

  @Test
  void aRegistryRebuiltFromItsStoreKeepsIdsVersionsAndLevels() {
    registry.register("a-value", V1);
    registry.register("a-value", V2_OPTIONAL_FIELD);
    registry.setCompatibility("a-value", CompatibilityLevel.NONE);
    registry.setGlobalCompatibility(CompatibilityLevel.FULL);

    SchemaRegistry restarted = new SchemaRegistry(store);

    assertThat(restarted.version("a-value", "latest"))
        .isEqualTo(registry.version("a-value", "latest"));
    assertThat(restarted.versions("a-value")).containsExactly(1, 2);
    assertThat(restarted.compatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(restarted.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(restarted.register("b-value", V2_REQUIRED_FIELD).id()).isEqualTo(3);
    assertThat(restarted.register("c-value", V1).id()).isEqualTo(1);
  }

  @Test
  void deletingASubjectHidesItButKeepsIdsAndVersionNumbers() {
    registry.register(SUBJECT, V1);
    registry.register(SUBJECT, V2_OPTIONAL_FIELD);

    assertThat(registry.deleteSubject(SUBJECT)).containsExactly(1, 2);

    assertThat(registry.subjects()).isEmpty();
    assertThat(code(() -> registry.versions(SUBJECT))).isEqualTo(40401);
    assertThat(registry.schemaText(1)).isNotEmpty();
    SchemaVersion again = registry.register(SUBJECT, V1);
    assertThat(again.id()).isEqualTo(1);
    assertThat(again.version()).isEqualTo(3);
    assertThat(new SchemaRegistry(store).versions(SUBJECT)).containsExactly(3);
  }

  @Test
  void aFailedWriteChangesNothingAndNeverReusesItsId() {
    FlakyStore flaky = new FlakyStore();
    SchemaRegistry onFlakyStore = new SchemaRegistry(flaky);
    flaky.failNext = true;

    assertThatThrownBy(() -> onFlakyStore.register(SUBJECT, V1))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(50001);
              assertThat(e.httpStatus()).isEqualTo(500);
            })
        .hasMessageContaining("broker gone");
    assertThat(code(() -> onFlakyStore.versions(SUBJECT))).isEqualTo(40401);

    SchemaVersion stored = onFlakyStore.register(SUBJECT, V1);
    assertThat(stored.id()).isEqualTo(2);
    assertThat(stored.version()).isEqualTo(2);
  }

  private static final class FlakyStore implements SchemaStore {
    final InMemorySchemaStore delegate = new InMemorySchemaStore();
    boolean failNext;

    @Override
    public List<Entry> load() {
      return delegate.load();
    }

    @Override
    public void append(Entry entry) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("broker gone");
      }
      delegate.append(entry);
    }

    @Override
    public void close() {}
  }

  private static int code(Runnable call) {
    try {
      call.run();
    } catch (RegistryException e) {
      return e.errorCode();
    }
    throw new AssertionError("expected a RegistryException");
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"test\",\"fields\":["
        + fields
        + "]}";
  }

  private static String avsc(String name) throws IOException {
    try (InputStream in = LeadCreated.class.getResourceAsStream("/avro/" + name + ".avsc")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
