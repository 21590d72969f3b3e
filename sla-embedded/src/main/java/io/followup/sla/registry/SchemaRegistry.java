package io.followup.sla.registry;

import io.followup.sla.registry.SchemaStore.ConfigEntry;
import io.followup.sla.registry.SchemaStore.Entry;
import io.followup.sla.registry.SchemaStore.PurgedVersion;
import io.followup.sla.registry.SchemaStore.SchemaEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules, as Confluent's Schema Registry applies them: subjects hold numbered
 * versions, each version points at a schema with a global id, and a new version must be compatible
 * with earlier ones at the subject's level. Storage is a {@link SchemaStore}, HTTP is {@link
 * SchemaRegistryHttpServer}; this class knows neither Kafka nor HTTP. Every change is stored before
 * it is applied or answered. Thread-safe; one instance must be the only writer to its store.
 */
public final class SchemaRegistry {

  /** Confluent's default compatibility level. */
  public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);

  /** One version of a subject: the answer to registrations and look-ups. */
  public record SchemaVersion(String subject, int version, int id, String schema) {}

  /** Where a schema id is used. */
  public record SubjectVersion(String subject, int version) {}

  /** The answer to a compatibility test; {@code messages} say why not. */
  public record CompatibilityCheck(boolean compatible, List<String> messages) {}

  private record KnownSchema(int id, String text, Schema parsed, String canonicalForm) {}

  private record Version(int version, int id, boolean deleted) {}

  private static final class Subject {
    final TreeMap<Integer, Version> versions = new TreeMap<>();
    int highestVersionIssued;

    List<Version> live() {
      return versions.values().stream().filter(v -> !v.deleted()).toList();
    }
  }

  private final SchemaStore store;
  private final Map<String, Subject> subjects = new TreeMap<>();
  private final Map<Integer, KnownSchema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByCanonicalForm = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = DEFAULT_COMPATIBILITY;
  private int highestIdIssued;

  /** A registry holding whatever {@code store} holds. */
  public SchemaRegistry(SchemaStore store) {
    this.store = store;
    for (Entry entry : store.load()) {
      apply(entry);
    }
  }

  /** A registry that keeps everything in memory, for tests and in-process use. */
  public static SchemaRegistry inMemory() {
    return new SchemaRegistry(new InMemorySchemaStore());
  }

  /**
   * Registers an Avro schema under {@code subject} and answers its version there. A schema the
   * subject already holds comes back unchanged; one another subject holds keeps its global id.
   *
   * @param schemaType null or "AVRO"; anything else is refused
   */
  public synchronized SchemaVersion register(String subject, String schemaText, String schemaType) {
    Schema schema = parse(schemaText, schemaType);
    String canonical = SchemaNormalization.toParsingForm(schema);
    Subject existing = subjects.get(subject);
    if (existing != null) {
      for (Version version : existing.live()) {
        if (schemasById.get(version.id()).canonicalForm().equals(canonical)) {
          return view(subject, version);
        }
      }
    }
    CompatibilityLevel level = compatibility(subject);
    List<String> problems =
        existing == null ? List.of() : incompatibilities(level, schema, existing.live());
    if (!problems.isEmpty()) {
      throw RegistryException.incompatible(subject, level, problems);
    }

    Integer knownId = idsByCanonicalForm.get(canonical);
    int id = knownId != null ? knownId : highestIdIssued + 1;
    String text = knownId != null ? schemasById.get(knownId).text() : schema.toString();
    Subject target = subjects.computeIfAbsent(subject, s -> new Subject());
    int version = target.highestVersionIssued + 1;
    // Reserved before the write: a write that fails after reaching the topic must not leave its id
    // or
    // version free for a different schema in this process.
    highestIdIssued = Math.max(highestIdIssued, id);
    target.highestVersionIssued = version;
    SchemaEntry entry = new SchemaEntry(subject, version, id, text, null, false);
    persist(entry);
    apply(entry);
    log.info(
        "Registered schema id {} ({}) as version {} of subject {}",
        id,
        schema.getFullName(),
        version,
        subject);
    return new SchemaVersion(subject, version, id, text);
  }

  /** {@link #register(String, String, String)} for an Avro schema. */
  public SchemaVersion register(String subject, String schemaText) {
    return register(subject, schemaText, null);
  }

  /**
   * The version of {@code subject} holding this schema (compared by Avro's parsing canonical form).
   */
  public synchronized SchemaVersion lookup(String subject, String schemaText, String schemaType) {
    Schema schema = parse(schemaText, schemaType);
    String canonical = SchemaNormalization.toParsingForm(schema);
    for (Version version : liveSubject(subject).live()) {
      if (schemasById.get(version.id()).canonicalForm().equals(canonical)) {
        return view(subject, version);
      }
    }
    throw RegistryException.schemaNotUnderSubject(subject);
  }

  /**
   * The text of schema {@code id}; soft-deleted versions keep their schemas readable, as in
   * Confluent.
   */
  public synchronized String schemaText(int id) {
    return known(id).text();
  }

  /** Schema {@code id}, parsed. */
  public synchronized Schema schema(int id) {
    return known(id).parsed();
  }

  /** The subjects and versions that use schema {@code id}. */
  public synchronized List<SubjectVersion> usesOf(int id) {
    known(id);
    List<SubjectVersion> uses = new ArrayList<>();
    subjects.forEach(
        (name, subject) ->
            subject.live().stream()
                .filter(v -> v.id() == id)
                .forEach(v -> uses.add(new SubjectVersion(name, v.version()))));
    return uses;
  }

  /** Subjects with at least one version that is not deleted, in name order. */
  public synchronized List<String> subjects() {
    return subjects.entrySet().stream()
        .filter(e -> !e.getValue().live().isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The live version numbers of {@code subject}, ascending. */
  public synchronized List<Integer> versions(String subject) {
    return liveSubject(subject).live().stream().map(Version::version).toList();
  }

  /** Version {@code version} ("latest", "-1" or a number) of {@code subject}. */
  public synchronized SchemaVersion version(String subject, String version) {
    return view(subject, resolve(subject, version));
  }

  /**
   * Whether {@code schemaText} could follow version {@code version} of {@code subject} at the
   * subject's level; "latest" tests against what a registration would (every version, for a
   * transitive level).
   */
  public synchronized CompatibilityCheck testCompatibility(
      String subject, String version, String schemaText, String schemaType) {
    Schema schema = parse(schemaText, schemaType);
    int requested = parseVersion(version);
    Subject existing = subjects.get(subject);
    if (requested == -1 && (existing == null || existing.live().isEmpty())) {
      return new CompatibilityCheck(true, List.of());
    }
    CompatibilityLevel level = compatibility(subject);
    List<Version> against =
        requested == -1 ? liveSubject(subject).live() : List.of(resolve(subject, version));
    List<String> problems = incompatibilities(level, schema, against);
    return new CompatibilityCheck(problems.isEmpty(), problems);
  }

  /** The level subjects without their own follow. */
  public synchronized CompatibilityLevel globalCompatibility() {
    return globalLevel;
  }

  public synchronized CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
    ConfigEntry entry = new ConfigEntry(null, level);
    persist(entry);
    apply(entry);
    log.info("Global compatibility level is now {}", level);
    return level;
  }

  /** The level in force for {@code subject}: its own, or else the global one. */
  public synchronized CompatibilityLevel compatibility(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  /** The level set on {@code subject} itself, if any. */
  public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  public synchronized CompatibilityLevel setCompatibility(
      String subject, CompatibilityLevel level) {
    ConfigEntry entry = new ConfigEntry(subject, level);
    persist(entry);
    apply(entry);
    log.info("Compatibility level of subject {} is now {}", subject, level);
    return level;
  }

  /**
   * Drops the level set on {@code subject}, so the global one applies again; answers the level it
   * had.
   */
  public synchronized CompatibilityLevel deleteCompatibility(String subject) {
    CompatibilityLevel previous = subjectLevels.get(subject);
    if (previous == null) {
      throw RegistryException.subjectNotFound(subject);
    }
    ConfigEntry entry = new ConfigEntry(subject, null);
    persist(entry);
    apply(entry);
    return previous;
  }

  /**
   * Soft-deletes every version of {@code subject}, as Confluent's {@code DELETE /subjects/{s}}: the
   * ids stay readable and a later registration continues the version numbers.
   */
  public synchronized List<Integer> deleteSubject(String subject) {
    List<Integer> deleted = new ArrayList<>();
    for (Version version : liveSubject(subject).live()) {
      softDelete(subject, version);
      deleted.add(version.version());
    }
    log.info("Deleted subject {} (versions {})", subject, deleted);
    return deleted;
  }

  /** Soft-deletes one version of {@code subject}; answers its number. */
  public synchronized int deleteVersion(String subject, String version) {
    Version target = resolve(subject, version);
    softDelete(subject, target);
    log.info("Deleted version {} of subject {}", target.version(), subject);
    return target.version();
  }

  /** How many schemas (distinct ids) the registry holds. */
  public synchronized int schemaCount() {
    return schemasById.size();
  }

  private void softDelete(String subject, Version version) {
    SchemaEntry entry =
        new SchemaEntry(
            subject,
            version.version(),
            version.id(),
            schemasById.get(version.id()).text(),
            null,
            true);
    persist(entry);
    apply(entry);
  }

  private void persist(Entry entry) {
    try {
      store.append(entry);
    } catch (RegistryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw RegistryException.storeError("Error while storing the change: " + e.getMessage(), e);
    }
  }

  private void apply(Entry entry) {
    if (entry instanceof SchemaEntry schemaEntry) {
      applySchema(schemaEntry);
    } else if (entry instanceof ConfigEntry config) {
      if (config.subject() == null) {
        globalLevel = config.level() == null ? DEFAULT_COMPATIBILITY : config.level();
      } else if (config.level() == null) {
        subjectLevels.remove(config.subject());
      } else {
        subjectLevels.put(config.subject(), config.level());
      }
    } else if (entry instanceof PurgedVersion purged) {
      Subject subject = subjects.get(purged.subject());
      if (subject != null) {
        subject.versions.remove(purged.version());
      }
    }
  }

  private void applySchema(SchemaEntry entry) {
    highestIdIssued = Math.max(highestIdIssued, entry.id());
    Subject subject = subjects.computeIfAbsent(entry.subject(), s -> new Subject());
    subject.highestVersionIssued = Math.max(subject.highestVersionIssued, entry.version());
    if (entry.schemaType() != null && !entry.schemaType().equalsIgnoreCase("AVRO")) {
      // Written by a full Confluent registry sharing the topic: its id and version stay reserved.
      log.debug(
          "Skipping {} schema id {} of subject {}",
          entry.schemaType(),
          entry.id(),
          entry.subject());
      return;
    }
    if (!schemasById.containsKey(entry.id())) {
      Schema parsed;
      try {
        parsed = new Schema.Parser().parse(entry.schema());
      } catch (RuntimeException e) {
        log.warn(
            "Skipping stored schema id {} of subject {}: it does not parse as Avro ({})",
            entry.id(),
            entry.subject(),
            e.getMessage());
        return;
      }
      String canonical = SchemaNormalization.toParsingForm(parsed);
      schemasById.put(entry.id(), new KnownSchema(entry.id(), entry.schema(), parsed, canonical));
      idsByCanonicalForm.putIfAbsent(canonical, entry.id());
    }
    subject.versions.put(
        entry.version(), new Version(entry.version(), entry.id(), entry.deleted()));
  }

  private List<String> incompatibilities(
      CompatibilityLevel level, Schema candidate, List<Version> live) {
    if (level == CompatibilityLevel.NONE || live.isEmpty()) {
      return List.of();
    }
    List<Version> against = level.isTransitive() ? live : List.of(live.get(live.size() - 1));
    List<String> problems = new ArrayList<>();
    for (Version prior : against) {
      problems.addAll(
          level.incompatibilities(
              candidate, prior.version(), schemasById.get(prior.id()).parsed()));
    }
    return problems;
  }

  // Avro's parsing canonical form drops what does not change the bytes: docs, key order,
  // whitespace, and
  // Java-only properties such as avro.java.string that generated classes carry. So the .avsc a
  // Python
  // producer registers and the schema of the generated Java class share one id, as they share one
  // encoding.
  private static Schema parse(String schemaText, String schemaType) {
    if (schemaType != null && !schemaType.equalsIgnoreCase("AVRO")) {
      throw RegistryException.invalidSchema(
          "Schema type " + schemaType + " is not supported: this registry holds Avro schemas only");
    }
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (AvroRuntimeException e) {
      throw RegistryException.invalidSchema("Invalid schema: " + e.getMessage());
    }
  }

  private KnownSchema known(int id) {
    KnownSchema known = schemasById.get(id);
    if (known == null) {
      throw RegistryException.schemaNotFound(id);
    }
    return known;
  }

  private Subject liveSubject(String subject) {
    Subject found = subjects.get(subject);
    if (found == null || found.live().isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return found;
  }

  private Version resolve(String subject, String versionText) {
    int requested = parseVersion(versionText);
    List<Version> live = liveSubject(subject).live();
    if (requested == -1) {
      return live.get(live.size() - 1);
    }
    Version found = subjects.get(subject).versions.get(requested);
    if (found == null || found.deleted()) {
      throw RegistryException.versionNotFound(subject, requested);
    }
    return found;
  }

  /** -1 for the latest version. */
  private static int parseVersion(String text) {
    if ("latest".equals(text)) {
      return -1;
    }
    try {
      int version = Integer.parseInt(text);
      if (version == -1 || version >= 1) {
        return version;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw RegistryException.invalidVersion(text);
  }

  private SchemaVersion view(String subject, Version version) {
    return new SchemaVersion(
        subject, version.version(), version.id(), schemasById.get(version.id()).text());
  }
}
