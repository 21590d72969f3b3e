package io.followup.sla.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SchemaStore} that lives and dies with the process: for unit tests, and for in-process
 * use such as TopologyTestDriver tests. Two registries built on one instance in turn behave like a
 * registry restarted on the same {@code _schemas} topic.
 */
public final class InMemorySchemaStore implements SchemaStore {

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public List<Entry> load() {
    return List.copyOf(entries);
  }

  @Override
  public void append(Entry entry) {
    entries.add(entry);
  }

  @Override
  public void close() {
    // nothing held
  }
}
