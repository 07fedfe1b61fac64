package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.generator.SampleLake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL behaviour that depends on how the gateway prepares statements ({@link LakegatePrepare}) and
 * maps errors: function rules on every planner, GROUP BY ordinals and aliases, one-line planning
 * failures and the reserved-word hint, as the thin driver and curl see them.
 */
class GatewaySqlTest {
  private static TestingGateway gateway;
  private static SampleLake lake;

  @BeforeAll
  static void start() {
    lake = TestLake.lake();
    gateway = new TestingGateway();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void percentileOverValuesOnlyIsPlanned() throws SQLException {
    // Used to fail with "There are not enough rules": no lake scan registered the functions' rules.
    // The INTEGER median of 1 and 2 is 1 (Calcite types PERCENTILE_CONT like its ORDER BY expression).
    assertEquals(List.of(List.of(1L)),
        rows("select percentile_cont(0.5) within group (order by x) from (values (1), (2)) as t(x)"));
    assertEquals(List.of(List.of(1.5)), rows("select percentile_cont(0.5) within group (order by cast(x as double))"
        + " from (values (1), (2)) as t(x)"));
  }

  @Test
  void percentileOverAnInputCalciteProvesEmptyIsPlanned() throws SQLException {
    // Used to fail the same way: Calcite replaces the scan by an empty VALUES before Volcano runs.
    List<Object> nothing = new ArrayList<>();
    nothing.add(null);
    assertEquals(List.of(nothing), rows("select percentile_cont(0.5) within group (order by giveaway_rate)"
        + " from partner_metrics where false"));
    assertEquals(List.of(), rows("select network, percentile_disc(0.5) within group (order by quotes_won)"
        + " from partner_metrics where 1 = 0 group by network"));
  }

  @Test
  void anEmptyPercentileOfANotNullColumnTellsTheCallerWhatToDo() throws SQLException {
    // Used to be "internal error in the gateway (id ...)": the functions module threw an IllegalStateException.
    AvaticaSqlException e = assertThrows(AvaticaSqlException.class, () -> rows(
        "select percentile_cont(0.5) within group (order by quotes_won) from partner_metrics"
            + " where network = 'no-such-network'"));
    assertEquals("22000", e.getSQLState());
    assertEquals(ErrorKind.DATA.code(), e.getErrorCode());
    assertTrue(e.getErrorMessage().endsWith("PERCENTILE_CONT has no input value in a group whose result type is"
        + " NOT NULL, so it cannot return NULL. Calcite types PERCENTILE_CONT like its ORDER BY expression; use a"
        + " nullable ORDER BY expression (for example ORDER BY NULLIF(x, NULL)) or make sure the group has rows."),
        e.getErrorMessage());
    List<Object> nothing = new ArrayList<>();
    nothing.add(null);
    assertEquals(List.of(nothing), rows("select percentile_cont(0.5) within group (order by nullif(quotes_won, null))"
        + " from partner_metrics where network = 'no-such-network'"));
  }

  @Test
  void aWindowTheFunctionsModuleRefusesIsRefusedOverValuesToo() {
    // Calcite alone answers [2, 2] here (row 1's frame holds one row, so NTH_VALUE(x, 2) must be NULL).
    AvaticaSqlException e = assertThrows(AvaticaSqlException.class, () -> rows(
        "select nth_value(x, 2) over (order by x rows between 1 preceding and current row)"
            + " from (values (1), (2)) as t(x)"));
    assertEquals("0A000", e.getSQLState());
  }

  @Test
  void aQueryThatCannotBePlannedIsOneLineForTheCallerAndTheFullReportIsLoggedOnceWithTheQueryId()
      throws Exception {
    String connection = "unsupported";
    gateway.json(Map.of("request", "openConnection", "connectionId", connection));
    int statement = gateway.json(Map.of("request", "createStatement", "connectionId", connection))
        .body().path("statementId").asInt();
    try (QueryLogCapture server = new QueryLogCapture(QueryLoggingService.class.getName());
        QueryLogCapture queries = new QueryLogCapture()) {
      TestingGateway.Reply reply = gateway.json(Map.of("request", "prepareAndExecute", "connectionId", connection,
          "statementId", statement, "sql", "select network, nth_value(quotes_won, 2) over (partition by network"
              + " order by \"date\" rows between 1 preceding and current row) from partner_metrics"));
      assertEquals(500, reply.status());
      assertEquals("0A000", reply.body().path("sqlState").asText());
      assertEquals(ErrorKind.UNSUPPORTED.code(), reply.body().path("errorCode").asInt());
      assertEquals("not supported: NTH_VALUE(...) OVER (...) with this frame, ordering or DISTINCT: the gateway"
          + " refuses windows it would compute wrongly; see the supported SQL in the README (docs/sql-functions.md)",
          reply.body().path("errorMessage").asText());
      assertTrue(reply.raw().length() < 1000, reply.raw());

      String queryLine = queries.lines().get(0);
      String id = queryLine.substring("query id=".length(), queryLine.indexOf(' ', "query id=".length()));
      assertTrue(queryLine.contains("outcome=error error=\"0A000 not supported: NTH_VALUE"), queryLine);
      String log = String.join("\n", server.lines());
      assertEquals(1, count(log, "There are not enough rules"), "the report once: " + log.length() + " chars");
      assertTrue(log.contains("query id=" + id + " could not be planned; Calcite's report:"), log);
    }
    gateway.json(Map.of("request", "closeConnection", "connectionId", connection));
  }

  @Test
  void aReservedWordUsedAsAColumnGetsTheQuotingHint() {
    AvaticaSqlException e = assertThrows(AvaticaSqlException.class,
        () -> rows("select count(*) from partner_metrics where date = date '2026-01-01'"));
    assertEquals("42000", e.getSQLState());
    // The thin driver puts "Error while executing SQL ...: Remote driver error: " before the gateway's message.
    String message = e.getErrorMessage();
    assertTrue(message.endsWith(": SQL parse error: Encountered \"date =\" at line 1, column 44; \"date\" is a"
        + " reserved word: quote the column as \"date\""), message);
  }

  @Test
  void groupByOrdinalAndByAlias() throws SQLException {
    Map<String, Long> expected = lake.partnerMetrics()
        .collect(Collectors.groupingBy(r -> r.network(), TreeMap::new, Collectors.counting()));
    List<List<Object>> wanted = expected.entrySet().stream()
        .map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();
    assertEquals(wanted, rows("select network, count(*) from partner_metrics group by 1 order by 1"));
    assertEquals(wanted,
        rows("select network as bucket, count(*) from partner_metrics group by bucket order by bucket"));
  }

  @Test
  void aColumnStillWinsOverAnAliasOfTheSameNameAndHavingKeepsColumns() throws SQLException {
    // GROUP BY partner_id groups by the column, not by the alias partner_id % 3 (as before, as in MySQL).
    long partners = lake.partnerMetrics().map(r -> r.partnerId()).distinct().count();
    assertEquals(partners, rows("select mod(partner_id, 3) as partner_id, count(*) from partner_metrics"
        + " group by partner_id limit 1000").size());
    // LENIENT would read HAVING's network as the alias upper(network) and return no row.
    assertEquals(List.of(List.of("DIRECT", lake.partnerMetrics().filter(r -> r.network().equals("direct")).count())),
        rows("select upper(network) as network, count(*) from partner_metrics group by rollup(network)"
            + " having network = 'direct'"));
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(gateway.avaticaUrl("protobuf"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<List<Object>> out = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = rows.getObject(i);
          row.add(value instanceof Number n && !(value instanceof Double) ? Long.valueOf(n.longValue()) : value);
        }
        out.add(row);
      }
      return out;
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
