package io.followup.sla.engine;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of this instance: one block cache shared by all
 * stores, with memtables counted against it, as Kafka Streams' memory-management guide recommends.
 * Without it each store (times each partition) takes its own cache and memory grows with the
 * partition count.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

  /**
   * Total off-heap bytes for all stores of the instance; a {@code streams.} setting passes it
   * through.
   */
  public static final String TOTAL_MEMORY_CONFIG = "sla.rocksdb.total.memory.bytes";

  /**
   * Large enough that memtables are not flushed after a few thousand writes: with 64 MB, flushes
   * and the compactions they cause took half of the engine's CPU time under load.
   */
  public static final long DEFAULT_TOTAL_MEMORY = 256L * 1024 * 1024;

  /** Writes dominate (every event rewrites its lead): memtables get half of the budget. */
  private static final double MEMTABLE_SHARE = 0.5;

  private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;

  private static Cache cache;
  private static WriteBufferManager writeBufferManager;

  private static synchronized void initialise(Map<String, Object> configs) {
    if (cache != null) {
      return;
    }
    Object configured = configs.get(TOTAL_MEMORY_CONFIG);
    long total = configured == null ? DEFAULT_TOTAL_MEMORY : Long.parseLong(configured.toString());
    cache = new LRUCache(total, -1, false, INDEX_FILTER_BLOCK_RATIO);
    writeBufferManager = new WriteBufferManager((long) (total * MEMTABLE_SHARE), cache);
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    initialise(configs);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBufferManager);
    options.setTableFormatConfig(table);
    // State is small records with repeated ids and names: LZ4 halves it on disk for little CPU.
    options.setCompressionType(CompressionType.LZ4_COMPRESSION);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store: they live as long as the
    // JVM.
  }
}
