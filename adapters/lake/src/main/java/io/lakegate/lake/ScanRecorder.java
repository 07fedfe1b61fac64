package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

/**
 * Where one scan's counts go: the schema's cumulative {@link ScanMetrics} and, when the scan
 * started inside one, the query's {@link ScanScope}.
 */
final class ScanRecorder {
  private final ScanMetrics metrics;
  /** Null when the scan started with no scope bound (tests, the gateway's warm-up). */
  private final ScanScope scope;

  private ScanRecorder(ScanMetrics metrics, ScanScope scope) {
    this.metrics = requireNonNull(metrics, "metrics");
    this.scope = scope;
  }

  /** A recorder into {@code metrics} and the scope bound to the calling thread now, if any. */
  static ScanRecorder startScan(ScanMetrics metrics) {
    ScanRecorder recorder = new ScanRecorder(metrics, ScanScope.current());
    metrics.scanStarted();
    if (recorder.scope != null) {
      recorder.scope.scanStarted();
    }
    return recorder;
  }

  void partitionsPruned(int count) {
    metrics.partitionsPruned(count);
    if (scope != null) {
      scope.partitionsPruned(count);
    }
  }

  void fileOpened() {
    metrics.fileOpened();
    if (scope != null) {
      scope.fileOpened();
    }
  }

  void fileClosed() {
    metrics.fileClosed();
  }

  void fileSkipped() {
    metrics.fileSkipped();
    if (scope != null) {
      scope.fileSkipped();
    }
  }

  void rowGroupsSkipped(int count) {
    metrics.rowGroupsSkipped(count);
    if (scope != null) {
      scope.rowGroupsSkipped(count);
    }
  }

  void rowGroupRead(String table, Iterable<String> decodedColumns) {
    metrics.rowGroupRead(table, decodedColumns);
    if (scope != null) {
      scope.rowGroupRead();
    }
  }

  void rowsProduced(long count) {
    metrics.rowsProduced(count);
  }
}
