package io.followup.sla.query;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Real stores, counted: each store's by-key gets and the entries its iterators hand out, so a test
 * can say what a query cost in reads.
 */
final class CountingStores implements StoreAccess {

  private final StoreAccess stores;
  private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> entries = new ConcurrentHashMap<>();

  CountingStores(StoreAccess stores) {
    this.stores = stores;
  }

  int gets(String store) {
    return gets.getOrDefault(store, new AtomicInteger()).get();
  }

  /** Entries read through scans (all, range, prefix scan) of the store. */
  int entriesScanned(String store) {
    return entries.getOrDefault(store, new AtomicInteger()).get();
  }

  void reset() {
    gets.clear();
    entries.clear();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, Integer partition, boolean stale) {
    ReadOnlyKeyValueStore<K, V> store = stores.store(name, partition, stale);
    return (ReadOnlyKeyValueStore<K, V>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ReadOnlyKeyValueStore.class},
            (proxy, method, args) -> {
              Object result = call(store, method, args);
              if (method.getName().equals("get")) {
                gets.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
              }
              if (result instanceof KeyValueIterator<?, ?> it) {
                return counted(name, it);
              }
              return result;
            });
  }

  private KeyValueIterator<?, ?> counted(String name, KeyValueIterator<?, ?> it) {
    return (KeyValueIterator<?, ?>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {KeyValueIterator.class},
            (proxy, method, args) -> {
              if (method.getName().equals("next")) {
                entries.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
              }
              return call(it, method, args);
            });
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Set<Integer> activePartitions(String name) {
    return stores.activePartitions(name);
  }
}
