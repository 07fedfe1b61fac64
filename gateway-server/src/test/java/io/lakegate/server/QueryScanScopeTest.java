package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.ModelLoader;
import io.lakegate.lake.LakeSchema;
import io.lakegate.lake.LakeStatistics;
import io.lakegate.lake.ScanScope;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The per-query lake IO of the query log line ({@code files=} and {@code rowGroups=}): each query
 * counts only its own scans, over all its frames, with other queries running at the same time,
 * and no request leaves a scope bound to the thread that served it.
 */
class QueryScanScopeTest {
  private static final Pattern IO = Pattern.compile(" files=(\\d+) rowGroups=(\\d+)/(\\d+) outcome=(\\w+) .*sql=\"(.*)\"$");
  // Explicit limits above the test lake's sizes: without them the guardrails' default limit ends the scans early.
  private static final String METRICS = "select partner_id, network from partner_metrics limit 10000";
  private static final String QUOTES = "select quote_id, outcome from quote_outcomes limit 10000";
  private static final String COMMISSIONS = "select network, tier from commission_history limit 10000";
  /** Answered from the footers: no file is opened. */
  private static final String COUNT = "select count(*) from partner_metrics";

  private static TestingGateway gateway;
  private static LakeStatistics statistics;

  @BeforeAll
  static void start() {
    gateway = new TestingGateway();
    statistics = gateway.server().lakeSchema().statistics();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** What a full scan of {@code table} reads: every file and every row group, none skipped. */
  private static String fullScan(String table) {
    LakeStatistics.TableStatistics t = statistics.table(table);
    return "files=" + t.files() + " rowGroups=" + t.rowGroups() + "/" + t.rowGroups();
  }

  /** sql -> the distinct "files=.. rowGroups=../.." of its lines. */
  private static Map<String, Set<String>> ioBySql(List<String> lines) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String line : lines) {
      Matcher m = IO.matcher(line);
      assertTrue(m.find(), line);
      assertEquals("ok", m.group(4), line);
      out.computeIfAbsent(m.group(5), k -> new HashSet<>())
          .add("files=" + m.group(1) + " rowGroups=" + m.group(2) + "/" + m.group(3));
    }
    return out;
  }

  private static long size(Iterable<Object> rows) {
    long n = 0;
    for (Object ignored : rows) {
      n++;
    }
    return n;
  }

  @Test
  void interleavedQueriesFetchedInManyFramesEachSumTheirOwnFrames() throws Exception {
    String connection = "interleaved";
    gateway.json(Map.of("request", "openConnection", "connectionId", connection));
    try (QueryLogCapture log = new QueryLogCapture()) {
      List<String> sqls = List.of(METRICS, QUOTES);
      int[] statements = new int[sqls.size()];
      long[] sent = new long[sqls.size()];
      boolean[] done = new boolean[sqls.size()];
      for (int i = 0; i < sqls.size(); i++) {
        statements[i] = gateway.json(Map.of("request", "createStatement", "connectionId", connection))
            .body().path("statementId").asInt();
        JsonNode frame = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", connection,
            "statementId", statements[i], "sql", sqls.get(i), "maxRowCount", -1, "maxRowsInFirstFrame", 100))
            .body().path("results").path(0).path("firstFrame");
        sent[i] = frame.path("rows").size();
        done[i] = frame.path("done").asBoolean();
        assertFalse(done[i], "several frames are needed for " + sqls.get(i));
      }
      // Both scans stay open while the other one advances: fetch them in turns.
      int fetches = 0;
      while (!done[0] || !done[1]) {
        for (int i = 0; i < sqls.size(); i++) {
          if (!done[i]) {
            JsonNode frame = gateway.json(Map.of("request", "fetch", "connectionId", connection,
                "statementId", statements[i], "offset", sent[i], "fetchMaxRowCount", 100)).body().path("frame");
            sent[i] += frame.path("rows").size();
            done[i] = frame.path("done").asBoolean();
            fetches++;
          }
        }
      }
      assertTrue(fetches > 10, "fetches: " + fetches);
      assertEquals(TestLake.lake().partnerMetrics().count(), sent[0]);
      assertEquals(TestLake.lake().quoteOutcomes().count(), sent[1]);
      assertEquals(Map.of(METRICS, Set.of(fullScan("partner_metrics")), QUOTES, Set.of(fullScan("quote_outcomes"))),
          ioBySql(log.lines()));
    }
    gateway.json(Map.of("request", "closeConnection", "connectionId", connection));
  }

  @Test
  void concurrentQueriesGetTheirOwnCounts() throws Exception {
    List<String> sqls = List.of(METRICS, QUOTES, COMMISSIONS, COUNT);
    int rounds = 3;
    ExecutorService pool = Executors.newFixedThreadPool(sqls.size());
    try (QueryLogCapture log = new QueryLogCapture()) {
      CyclicBarrier together = new CyclicBarrier(sqls.size());
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (String sql : sqls) {
        runs.add(CompletableFuture.runAsync(() -> {
          try (Connection c = DriverManager.getConnection(gateway.avaticaUrl("json"))) {
            for (int round = 0; round < rounds; round++) {
              together.await(60, TimeUnit.SECONDS);
              try (Statement st = c.createStatement()) {
                st.setFetchSize(50);
                try (ResultSet rs = st.executeQuery(sql)) {
                  while (rs.next()) {
                    rs.getObject(1);
                  }
                }
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(sql + ": " + e, e);
          }
        }, pool));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      List<String> lines = log.lines();
      assertEquals(sqls.size() * rounds, lines.size(), lines.toString());
      assertEquals(Map.of(METRICS, Set.of(fullScan("partner_metrics")), QUOTES, Set.of(fullScan("quote_outcomes")),
          COMMISSIONS, Set.of(fullScan("commission_history")), COUNT, Set.of("files=0 rowGroups=0/0")),
          ioBySql(lines));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyRequestRunsInItsQueryScopeAndLeavesTheThreadAsItFoundIt() throws Exception {
    LakeSchema lake = LakeSchema.open(ModelLoader.load(TestLake.model()));
    LakegateMeta meta = new LakegateMeta("analytics", lake, TestGuardrails.repositoryPolicy());
    // The scope bound while the meta served each execute, fetch and close (null: none).
    List<ScanScope> executes = Collections.synchronizedList(new ArrayList<>());
    List<ScanScope> fetches = Collections.synchronizedList(new ArrayList<>());
    List<ScanScope> closes = Collections.synchronizedList(new ArrayList<>());
    Service recording = new ForwardingService(new LocalService(meta)) {
      @Override
      public ExecuteResponse apply(PrepareAndExecuteRequest request) {
        executes.add(ScanScope.current());
        return delegate.apply(request);
      }

      @Override
      public FetchResponse apply(FetchRequest request) {
        fetches.add(ScanScope.current());
        return delegate.apply(request);
      }

      @Override
      public CloseStatementResponse apply(CloseStatementRequest request) {
        closes.add(ScanScope.current());
        return delegate.apply(request);
      }
    };
    ErrorMapper errors = new ErrorMapper("analytics", List.of("partner_metrics"), List.of());
    QueryLoggingService service = new QueryLoggingService(recording, new QueryLog("lake"), errors, meta::isOpen);
    String connection = "direct";
    try (QueryLogCapture log = new QueryLogCapture()) {
      service.apply(new Service.OpenConnectionRequest(connection, Map.of()));
      int statement = service.apply(new Service.CreateStatementRequest(connection)).statementId;

      Service.ExecuteResponse executed = service.apply(
          new Service.PrepareAndExecuteRequest(connection, statement, METRICS, -1, 200));
      assertNull(ScanScope.current(), "unbound after execute");
      long sent = size(executed.results.get(0).firstFrame.rows);
      boolean done = executed.results.get(0).firstFrame.done;
      while (!done) {
        Service.FetchResponse fetched = service.apply(new Service.FetchRequest(connection, statement, sent, 200));
        assertNull(ScanScope.current(), "unbound after fetch");
        sent += size(fetched.frame.rows);
        done = fetched.frame.done;
      }
      service.apply(new Service.CloseStatementRequest(connection, statement));
      assertNull(ScanScope.current(), "unbound after close");
      ScanScope scope = executes.get(0);
      assertNotNull(scope);
      assertTrue(fetches.size() > 3, "several fetches: " + fetches.size());
      fetches.forEach(f -> assertSame(scope, f, "one scope for all the query's requests"));
      assertEquals(Collections.singletonList(null), closes, "the result was complete: the query had ended");
      assertEquals(1, log.lines().size(), log.lines().toString());
      assertTrue(log.lines().get(0).contains(" " + fullScan("partner_metrics") + " outcome=ok "), log.lines().get(0));

      // Closed before its last frame: the close runs in the query's scope too, and unbinds.
      int partial = service.apply(new Service.CreateStatementRequest(connection)).statementId;
      service.apply(new Service.PrepareAndExecuteRequest(connection, partial, METRICS, -1, 10));
      service.apply(new Service.CloseStatementRequest(connection, partial));
      assertNull(ScanScope.current(), "unbound after close");
      assertNotNull(executes.get(1));
      assertSame(executes.get(1), closes.get(1));
      assertEquals(2, log.lines().size(), log.lines().toString());
      assertTrue(log.lines().get(1).contains(" rows=10 "), log.lines().get(1));
      assertFalse(log.lines().get(1).contains(" " + fullScan("partner_metrics") + " "), "a LIMIT-like early stop reads"
          + " less: " + log.lines().get(1));

      // A failing request unbinds too; a scope the caller had bound is restored and gets nothing.
      ScanScope outer = new ScanScope();
      ScanScope.Binding binding = outer.bind();
      try {
        int failing = service.apply(new Service.CreateStatementRequest(connection)).statementId;
        assertThrows(RuntimeException.class, () -> service.apply(
            new Service.PrepareAndExecuteRequest(connection, failing, "select * from nope", -1, 100)));
        assertSame(outer, ScanScope.current());
        int other = service.apply(new Service.CreateStatementRequest(connection)).statementId;
        Service.ExecuteResponse whole = service.apply(
            new Service.PrepareAndExecuteRequest(connection, other, METRICS, -1, JdbcMeta.UNLIMITED_COUNT));
        assertTrue(whole.results.get(0).firstFrame.done, "one frame");
        assertSame(outer, ScanScope.current());
      } finally {
        binding.close();
      }
      assertNull(ScanScope.current());
      assertEquals(new ScanScope.Counts(0, 0, 0, 0, 0, 0), outer.counts());
      assertTrue(log.lines().get(2).contains("outcome=error"), log.lines().get(2));
      assertTrue(log.lines().get(3).contains(" " + fullScan("partner_metrics") + " outcome=ok "), log.lines().get(3));
    } finally {
      service.apply(new Service.CloseConnectionRequest(connection));
      meta.closeAllConnections();
    }
  }
}
