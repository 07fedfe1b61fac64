package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.linq4j.Enumerator;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.compat.RowGroupFilter;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the rows of one scan: partitions kept by the partition filter, then their files one at a
 * time, each opened only if statistics leave at least one row group to read. At most one file is
 * open; it is closed as soon as it is exhausted and in {@link #close()} when the consumer stops
 * early (LIMIT, an error, a cancelled statement).
 *
 * <p>When no file column is requested (as in {@code COUNT(*)} or a query on partition columns
 * only) rows come from the footers' row counts and no file is opened at all.
 */
final class LakeEnumerator implements Enumerator<Object[]> {
  private static final Logger LOG = LoggerFactory.getLogger(LakeEnumerator.class);
  /** How often (in rows) to look at the cancel flag inside a row group. */
  private static final int CANCEL_CHECK_ROWS = 4096;

  private final LakeTable table;
  private final RowLayout layout;
  private final ScanFilter filter;
  private final AtomicBoolean cancelFlag;
  private final ScanRecorder metrics;
  private final Iterator<LakePartition> partitions;
  private Iterator<LakeFile> files = Collections.emptyIterator();
  private Object[] template;
  private FileRowReader reader;
  private long metadataRowsLeft;
  private Object[] current;
  private long produced;
  private boolean finished;

  LakeEnumerator(LakeTable table, RowLayout layout, ScanFilter filter, AtomicBoolean cancelFlag) {
    this.table = requireNonNull(table, "table");
    this.layout = requireNonNull(layout, "layout");
    this.filter = requireNonNull(filter, "filter");
    this.cancelFlag = cancelFlag;
    List<LakePartition> kept = table.partitions(filter.partitions());
    // The query scope is taken now, on the thread that starts the scan: later rows may be pulled by another.
    this.metrics = ScanRecorder.startScan(table.metrics());
    metrics.partitionsPruned(table.partitions().size() - kept.size());
    this.partitions = kept.iterator();
  }

  @Override
  public Object[] current() {
    if (current == null) {
      throw new NoSuchElementException("no current row; call moveNext first");
    }
    return current;
  }

  @Override
  public boolean moveNext() {
    if (finished) {
      return false;
    }
    try {
      while (true) {
        if (reader != null) {
          if (reader.next()) {
            return produce(reader.current(), reader.atRowGroupBoundary());
          }
          closeReader();
        } else if (metadataRowsLeft > 0) {
          metadataRowsLeft--;
          return produce(template.clone(), false);
        }
        if (!nextFile()) {
          finish();
          return false;
        }
      }
    } catch (IOException e) {
      close();
      throw new LakeSchemaException("reading the lake for table '" + table.def().name() + "' failed: "
          + e.getMessage() + "; check that the lake is reachable and the files are intact", e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private boolean produce(Object[] row, boolean rowGroupBoundary) {
    current = row;
    produced++;
    if (rowGroupBoundary || produced % CANCEL_CHECK_ROWS == 0) {
      checkCancelled();
    }
    return true;
  }

  /** Positions on the next file that has row groups to read; false when there is none. */
  private boolean nextFile() throws IOException {
    while (true) {
      checkCancelled();
      while (!files.hasNext()) {
        if (!partitions.hasNext()) {
          return false;
        }
        LakePartition partition = partitions.next();
        template = layout.template(partition);
        files = partition.files().iterator();
      }
      LakeFile file = files.next();
      List<BlockMetaData> rowGroups = selectRowGroups(file);
      if (rowGroups.isEmpty()) {
        metrics.fileSkipped();
        continue;
      }
      if (layout.fileColumns().isEmpty()) {
        for (BlockMetaData rowGroup : rowGroups) {
          metadataRowsLeft += rowGroup.getRowCount();
        }
        if (metadataRowsLeft == 0) {
          continue;
        }
        return true;
      }
      reader = FileRowReader.open(file, rowGroups, table.conf(), layout, template, metrics, table.def().name());
      return true;
    }
  }

  /** The row groups whose min/max statistics may satisfy the row-group filter (all when there is none). */
  private List<BlockMetaData> selectRowGroups(LakeFile file) {
    List<BlockMetaData> all = file.rowGroups();
    if (filter.rowGroups() == null) {
      return all;
    }
    FilterPredicate predicate = ParquetPredicates.forFile(filter.rowGroups(), file.schema());
    if (predicate == null) {
      return all;
    }
    List<BlockMetaData> kept = RowGroupFilter.filterRowGroups(FilterCompat.get(predicate), all, file.schema());
    metrics.rowGroupsSkipped(all.size() - kept.size());
    return kept;
  }

  private void checkCancelled() {
    if (cancelFlag != null && cancelFlag.get()) {
      close();
      throw new CancellationException("query cancelled while scanning lake table '" + table.def().name() + "'");
    }
  }

  private void closeReader() {
    if (reader == null) {
      return;
    }
    FileRowReader closing = reader;
    reader = null;
    metrics.fileClosed();
    try {
      closing.close();
    } catch (IOException e) {
      // Nothing was written; a failed close of a read stream loses no data, so the scan goes on.
      LOG.warn("closing a lake file of table {} failed: {}", table.def().name(), e.toString());
    }
  }

  private void finish() {
    if (!finished) {
      finished = true;
      metadataRowsLeft = 0;
      closeReader();
      metrics.rowsProduced(produced);
    }
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a lake scan cannot be rewound; run the query again");
  }

  @Override
  public void close() {
    finish();
  }
}
