package io.lakegate.lake;

import java.util.concurrent.atomic.LongAdder;

/**
 * The lake IO of one query (scans, files opened and skipped, row groups read and skipped), where
 * {@link ScanMetrics} adds up every query together. A caller binds the scope to its thread around
 * the work of the query ({@link #bind()}); a scan that starts while it is bound records into it
 * for its whole life, so rows pulled later by another thread (a fetch served by another pooled
 * thread) still count for the query that started the scan.
 *
 * <p>Thread-safe: a query's requests may be served by different threads one after another.
 */
public final class ScanScope {
  private static final ThreadLocal<ScanScope> CURRENT = new ThreadLocal<>();

  private final LongAdder scans = new LongAdder();
  private final LongAdder partitionsPruned = new LongAdder();
  private final LongAdder filesOpened = new LongAdder();
  private final LongAdder filesSkipped = new LongAdder();
  private final LongAdder rowGroupsRead = new LongAdder();
  private final LongAdder rowGroupsSkipped = new LongAdder();

  /**
   * Makes this the calling thread's scope until the returned binding is closed, which restores
   * the previous one (none, normally), so that nothing stays behind on a pooled thread.
   */
  public Binding bind() {
    Binding binding = new Binding(this, CURRENT.get());
    CURRENT.set(this);
    return binding;
  }

  /** The scope bound to the calling thread, or null when none is. */
  public static ScanScope current() {
    return CURRENT.get();
  }

  void scanStarted() {
    scans.increment();
  }

  void partitionsPruned(int count) {
    partitionsPruned.add(count);
  }

  void fileOpened() {
    filesOpened.increment();
  }

  void fileSkipped() {
    filesSkipped.increment();
  }

  void rowGroupRead() {
    rowGroupsRead.increment();
  }

  void rowGroupsSkipped(int count) {
    rowGroupsSkipped.add(count);
  }

  /** The counts so far. */
  public Counts counts() {
    return new Counts(scans.sum(), partitionsPruned.sum(), filesOpened.sum(), filesSkipped.sum(),
        rowGroupsRead.sum(), rowGroupsSkipped.sum());
  }

  /**
   * A query's lake IO at one moment; the meaning of each count is that of {@link ScanMetrics.Snapshot}.
   *
   * @param scans table scans started
   * @param partitionsPruned partitions excluded by a filter on partition columns
   * @param filesOpened parquet files opened for reading
   * @param filesSkipped files not opened because statistics excluded all their row groups
   * @param rowGroupsRead row groups decoded
   * @param rowGroupsSkipped row groups excluded by min/max statistics
   */
  public record Counts(long scans, long partitionsPruned, long filesOpened, long filesSkipped, long rowGroupsRead,
      long rowGroupsSkipped) {
    /** Row groups statistics were checked for: read plus skipped (row groups of pruned partitions are not). */
    public long rowGroupsConsidered() {
      return rowGroupsRead + rowGroupsSkipped;
    }
  }

  /** The binding of a scope to the thread that called {@link #bind()}; closing it restores the previous one. */
  public static final class Binding implements AutoCloseable {
    private final ScanScope scope;
    private final ScanScope previous;
    private final Thread thread = Thread.currentThread();
    private boolean closed;

    private Binding(ScanScope scope, ScanScope previous) {
      this.scope = scope;
      this.previous = previous;
    }

    /**
     * @throws IllegalStateException when called on another thread (the binding's thread would keep the scope)
     */
    @Override
    public void close() {
      if (Thread.currentThread() != thread) {
        throw new IllegalStateException("a scan scope binding must be closed on the thread that bound it ("
            + thread.getName() + "), not on " + Thread.currentThread().getName());
      }
      if (closed) {
        return;
      }
      closed = true;
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }

    /** The scope this binding made current. */
    public ScanScope scope() {
      return scope;
    }
  }
}
