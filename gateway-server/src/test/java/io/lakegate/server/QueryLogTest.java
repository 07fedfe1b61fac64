package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The query log line format and its once-only guarantee. */
class QueryLogTest {

  @Test
  void sqlIsOneLineEscapedAndCutAt200Characters() {
    assertEquals("select \\\"date\\\", 'a\\\\b' from t", QueryLog.quote("select \"date\",\n\t'a\\b'  from t", 200));
    String longSql = "select " + "x, ".repeat(100) + "y from t";
    assertEquals(longSql.substring(0, 200), QueryLog.quote(longSql, 200));
  }

  @Test
  void userNamesCannotBreakTheLine() {
    assertEquals("ann_smith_x_1_", QueryLog.token("ann smith\"x=1\n"));
    assertEquals("svc.agent@corp-1", QueryLog.token("svc.agent@corp-1"));
  }

  @Test
  void aQueryIsCountedOnceHoweverItEnds() {
    QueryLog log = new QueryLog("lake");
    try (QueryLogCapture capture = new QueryLogCapture()) {
      QueryLog.Query query = log.start("c1", 7, "ann", "select 1");
      log.rowsSent(query, 3);
      log.finishOk(query);
      log.finishStatement("c1", 7);
      log.finishError(query, ErrorKind.INTERNAL.error("late"));
      log.finishAll();
      List<String> lines = capture.lines();
      assertEquals(1, lines.size(), lines.toString());
      assertEquals(1, log.succeeded());
      assertEquals(0, log.failed());
      assertEquals(0, log.runningCount());
    }
  }

  @Test
  void reExecutingAStatementCompletesItsPreviousResult() {
    QueryLog log = new QueryLog("lake");
    QueryLog.Query first = log.start("c1", 1, "ann", "select 1");
    QueryLog.Query second = log.start("c1", 1, "ann", "select 2");
    assertEquals(1, log.succeeded());
    assertEquals(second, log.running("c1", 1));
    log.finishConnections("c1"::equals);
    assertEquals(2, log.succeeded());
    assertEquals(0, first.rows());
  }
}
