package io.lakegate.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-query lake IO: a {@link ScanScope} bound around a query counts only that query's scans, also
 * when its rows are pulled on another thread, and while other queries run at the same time.
 */
class ScanScopeTest {
  /** quote_outcomes of the fixture: 4 files, 12 row groups of 10 rows (see {@link TestLake}). */
  private static final String ALL_QUOTES = "select quote_id, network from quote_outcomes";
  /** 2025-05-01 only: its two files, 4 row groups; the other two partitions are pruned. */
  private static final String ONE_DAY = "select quote_id from quote_outcomes where \"date\" = date '2025-05-01'";

  @TempDir
  static Path dir;
  static LakeSchema schema;
  static Connection connection;

  @BeforeAll
  static void open() throws Exception {
    schema = LakeSchema.open(TestLake.create(dir).model());
    connection = TestLake.connect(schema);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static int drain(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  @Test
  void aBoundScopeCountsTheQueryAndAgreesWithTheGlobalCounters() throws SQLException {
    ScanScope scope = new ScanScope();
    ScanMetrics.Snapshot before = schema.metrics().snapshot();
    try (ScanScope.Binding binding = scope.bind()) {
      assertSame(scope, ScanScope.current());
      assertSame(scope, binding.scope());
      assertEquals(40, drain(connection, ONE_DAY));
    }
    assertNull(ScanScope.current(), "nothing stays bound after the binding is closed");
    ScanMetrics.Snapshot global = schema.metrics().snapshot().minus(before);
    ScanScope.Counts counts = scope.counts();
    assertEquals(new ScanScope.Counts(1, 2, 2, 0, 4, 0), counts);
    assertEquals(global.filesOpened(), counts.filesOpened());
    assertEquals(global.rowGroupsRead(), counts.rowGroupsRead());
    assertEquals(4, counts.rowGroupsConsidered());

    // Unbound, a query counts only globally.
    drain(connection, ONE_DAY);
    assertEquals(counts, scope.counts());
  }

  @Test
  void skippedRowGroupsAndFilesAreCountedToo() throws SQLException {
    ScanScope scope = new ScanScope();
    try (ScanScope.Binding binding = scope.bind()) {
      assertSame(scope, binding.scope());
      drain(connection, "select quote_id from quote_outcomes where quote_id between 2005 and 2012");
    }
    // As in LakeQueryTest: one file and two row groups read, three files and ten row groups skipped.
    assertEquals(new ScanScope.Counts(1, 0, 1, 3, 2, 10), scope.counts());
    assertEquals(12, scope.counts().rowGroupsConsidered());
  }

  @Test
  void rowsPulledOnAnotherThreadCountForTheScopeTheScanStartedIn() throws Exception {
    ScanScope scope = new ScanScope();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Statement st = connection.createStatement()) {
      st.setFetchSize(5);
      ResultSet rs;
      try (ScanScope.Binding binding = scope.bind()) {
        assertSame(scope, binding.scope());
        rs = st.executeQuery(ALL_QUOTES);
        assertTrue(rs.next());
      }
      // Like a later fetch on another pooled thread, with nothing bound there.
      Future<Integer> rest = other.submit(() -> {
        assertNull(ScanScope.current());
        int n = 0;
        while (rs.next()) {
          n++;
        }
        rs.close();
        return n;
      });
      assertEquals(119, rest.get(30, TimeUnit.SECONDS));
    } finally {
      other.shutdownNow();
    }
    assertEquals(4, scope.counts().filesOpened());
    assertEquals(12, scope.counts().rowGroupsRead());
  }

  @Test
  void concurrentQueriesEachGetTheirOwnCounts() throws Exception {
    int rounds = 5;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      List<CompletableFuture<List<ScanScope.Counts>>> runs = new ArrayList<>();
      for (String sql : List.of(ALL_QUOTES, ONE_DAY)) {
        runs.add(CompletableFuture.supplyAsync(() -> {
          List<ScanScope.Counts> out = new ArrayList<>();
          try (Connection c = TestLake.connect(schema)) {
            for (int i = 0; i < rounds; i++) {
              together.await(30, TimeUnit.SECONDS);
              ScanScope scope = new ScanScope();
              try (ScanScope.Binding binding = scope.bind()) {
                assertSame(scope, binding.scope());
                drain(c, sql);
              }
              out.add(scope.counts());
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return out;
        }, pool));
      }
      List<ScanScope.Counts> all = runs.get(0).get(60, TimeUnit.SECONDS);
      List<ScanScope.Counts> oneDay = runs.get(1).get(60, TimeUnit.SECONDS);
      assertEquals(Collections.nCopies(rounds, new ScanScope.Counts(1, 0, 4, 0, 12, 0)), all);
      assertEquals(Collections.nCopies(rounds, new ScanScope.Counts(1, 2, 2, 0, 4, 0)), oneDay);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void bindingsNestAndMustBeClosedOnTheirThread() throws Exception {
    ScanScope outer = new ScanScope();
    ScanScope inner = new ScanScope();
    try (ScanScope.Binding outerBinding = outer.bind()) {
      assertSame(outer, outerBinding.scope());
      ScanScope.Binding binding = inner.bind();
      assertSame(inner, ScanScope.current());
      IllegalStateException wrongThread = CompletableFuture.supplyAsync(
          () -> assertThrows(IllegalStateException.class, binding::close)).get(30, TimeUnit.SECONDS);
      assertTrue(wrongThread.getMessage().contains("must be closed on the thread that bound it"),
          wrongThread.getMessage());
      binding.close();
      assertSame(outer, ScanScope.current());
      binding.close();
      assertSame(outer, ScanScope.current(), "closing twice changes nothing");
    }
    assertNull(ScanScope.current());
  }
}
