package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.catalog.TableDef;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What callers are told for real Calcite failures, with the same connection settings as the gateway. */
class ErrorMapperTest {
  /** The repository's model: its table and column names are what the mapper knows. */
  private static final LakegateModel MODEL = ModelLoader.load(Path.of("..", "model.json"));
  private static final ErrorMapper MAPPER = new ErrorMapper("analytics",
      MODEL.tables().stream().map(TableDef::name).toList(),
      MODEL.tables().stream().flatMap(t -> t.columns().stream()).map(ColumnDef::name).toList());
  private static LakegateMeta meta;
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    // A connection as the gateway opens it (properties, LakegatePrepare), over an empty schema.
    meta = new LakegateMeta("analytics", new AbstractSchema(), TestGuardrails.repositoryPolicy());
    connection = meta.openCalciteConnection();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    meta.closeAllConnections();
  }

  @Test
  void unknownTableKeepsCalcitesMessageAndListsTheTables() {
    // An allowlisted table this connection's (empty) schema lacks: the guardrails pass it, Calcite does not.
    GatewayError error = MAPPER.map(failure("select * from partner_metrics"), "q1");
    assertEquals("42S02", error.sqlState());
    assertEquals("From line 1, column 15 to line 1, column 29: Object 'partner_metrics' not found;"
        + " tables in 'analytics': partner_metrics, quote_outcomes, commission_history", error.message());
    GatewayError qualified = MAPPER.map(failure("select * from analytics.partner_metrics"), "q1");
    assertEquals("42S02", qualified.sqlState());
    assertTrue(qualified.message().startsWith("From line 1, column 15 to line 1, column 39: Object 'partner_metrics'"
        + " not found within 'analytics'; tables in"), qualified.message());
  }

  @Test
  void guardrailRejectionKeepsItsRulesStateCodeAndMessage() {
    GatewayError error = MAPPER.map(failure("select * from nope"), "q1");
    assertEquals("42501", error.sqlState());
    assertEquals(1306, error.code());
    assertEquals("guardrail ALLOWLIST: table 'nope' is not in the allowlist: partner_metrics, quote_outcomes,"
        + " commission_history; query only these tables of schema 'analytics'", error.message());
    GatewayError readOnly = MAPPER.map(failure("delete from partner_metrics"), "q1");
    assertEquals("25006", readOnly.sqlState());
    assertTrue(readOnly.message().startsWith("guardrail READ_ONLY: "), readOnly.message());
  }

  @Test
  void unknownColumn() {
    GatewayError error = MAPPER.map(failure("select nope from (values (1)) as t(a)"), "q1");
    assertEquals("42S22", error.sqlState());
    assertTrue(error.message().endsWith("Column 'nope' not found in any table"), error.message());
  }

  @Test
  void aBusyClickHousePoolIsToldAsSuchNotAsAnInternalError() {
    String message = "all ClickHouse connections of the gateway stayed busy; run the query again in a moment";
    GatewayError error = MAPPER.map(new java.sql.SQLException("Error while executing SQL",
        new io.lakegate.failover.ClickHouseBusyException(message, new java.util.NoSuchElementException())), "q1");
    assertEquals("53300", error.sqlState());
    assertEquals(ErrorKind.BACKEND_BUSY.code(), error.code());
    assertEquals(message, error.message());
  }

  @Test
  void systemTablesAreNamedAsOutsideTheSchema() {
    GatewayError error = MAPPER.map(failure("select * from system.tables"), "q1");
    assertEquals("42000", error.sqlState());
    assertTrue(error.message().contains("ClickHouse's system tables are not part of lakegate's schema 'analytics':"
        + " its tables are partner_metrics, quote_outcomes, commission_history"), error.message());
  }

  @Test
  void parseErrorIsTheFirstLineOfCalcitesMessage() {
    GatewayError error = MAPPER.map(failure("selec 1"), "q1");
    assertEquals("42000", error.sqlState());
    assertEquals(ErrorKind.SYNTAX.code(), error.code());
    assertTrue(error.message().startsWith("SQL parse error: Non-query expression encountered")
        || error.message().startsWith("SQL parse error: Incorrect syntax near the keyword")
        || error.message().startsWith("SQL parse error: Encountered"), error.message());
    assertFalse(error.message().contains("Was expecting"), error.message());
  }

  @Test
  void otherValidationErrorsAre42000() {
    GatewayError error = MAPPER.map(failure("select no_such_function(1)"), "q1");
    assertEquals("42000", error.sqlState());
    assertEquals(ErrorKind.VALIDATION.code(), error.code());
    assertTrue(error.message().contains("No match found for function signature no_such_function(<NUMERIC>)"), error.message());
  }

  @Test
  void divisionByZeroIsADataError() {
    GatewayError error = MAPPER.map(failure("select a / (a - 1) from (values (1)) as t(a)"), "q1");
    assertEquals("22012", error.sqlState());
    assertEquals("division by zero", error.message());
    // Calcite folds 1/0 into a static initializer of the generated class: an Error, not an exception.
    Throwable folded = failure("select 1/0");
    assertTrue(folded instanceof ExceptionInInitializerError, folded.toString());
    assertEquals("22012", MAPPER.map(folded, "q1").sqlState());
  }

  @Test
  void badNumberInACastIsAnInvalidCast() {
    GatewayError error = MAPPER.map(failure("select cast(x as integer) from (values ('abc')) as t(x)"), "q1");
    assertEquals("22018", error.sqlState());
    assertEquals("invalid number in a conversion: For input string: \"abc\"", error.message());
  }

  @Test
  void anEmptyPercentileWithANotNullTypeIsADataErrorWithItsMessage() {
    // The functions module raises it as a CalciteException (it was an IllegalStateException: "internal error").
    // rand() > 2 keeps the planner from proving the input empty, so the aggregate really runs on no rows.
    GatewayError error = MAPPER.map(failure("select percentile_cont(0.5) within group (order by x)"
        + " from (values (1), (2)) as t(x) where rand() > 2"), "q1");
    assertEquals("22000", error.sqlState());
    assertEquals(ErrorKind.DATA.code(), error.code());
    assertFalse(error.internal());
    assertTrue(error.message().startsWith("PERCENTILE_CONT has no input value in a group whose result type is"
        + " NOT NULL, so it cannot return NULL."), error.message());
    assertTrue(error.message().contains("ORDER BY NULLIF(x, NULL)"), error.message());
  }

  @Test
  void internalFailuresNameOnlyTheId() {
    RuntimeException failure = new RuntimeException("Error while executing SQL",
        new IllegalStateException("cannot open /secret/lake/x.parquet at org.example.Foo"));
    GatewayError error = MAPPER.map(failure, "1234-abcd");
    assertEquals("XX000", error.sqlState());
    assertTrue(error.internal());
    assertEquals("internal error in the gateway (id 1234-abcd); the gateway log has the details under this id",
        error.message());
  }

  @Test
  void missingConnectionKeepsAvaticasCode() {
    GatewayError error = MAPPER.map(new NoSuchConnectionException("Connection not found: invalid id"), "q1");
    assertEquals("08003", error.sqlState());
    assertEquals(1, error.code());
  }

  @Test
  void alreadyMappedErrorsPassUnchanged() {
    GatewayError rejected = ErrorKind.CONNECTION_REJECTED.error("connection property 'model' is not allowed");
    assertEquals(rejected, MAPPER.map(rejected.toException(), "q1"));
  }

  @Test
  void reservedWordUsedAsAColumnGetsAQuotingHint() {
    GatewayError error = MAPPER.map(
        failure("select count(*) from partner_metrics where date = date '2026-01-01'"), "q1");
    assertEquals("42000", error.sqlState());
    assertEquals("SQL parse error: Encountered \"date =\" at line 1, column 44;"
        + " \"date\" is a reserved word: quote the column as \"date\"", error.message());
    for (String sql : List.of("select date from t", "select max(DATE) from t", "select p.date from t p",
        "select x from t group by date", "select x from t where \"date\" = date '2026-01-01' and date > 1")) {
      String message = MAPPER.map(failure(sql), "q1").message();
      assertTrue(message.endsWith("; \"date\" is a reserved word: quote the column as \"date\""), message);
    }
  }

  @Test
  void noReservedWordHintForOtherParseErrors() {
    GatewayError error = MAPPER.map(failure("select count(*) frm partner_metrics where \"date\" = date '2026-01-01'"),
        "q1");
    assertEquals("42000", error.sqlState());
    assertFalse(error.message().contains("reserved word"), error.message());
    // Reserved words that are no column of the model get no hint either.
    assertFalse(MAPPER.map(failure("select order from t"), "q1").message().contains("reserved word"));
  }

  @Test
  void dateIsTheOnlyReservedColumnNameOfTheModel() {
    List<String> columns = MODEL.tables().stream().flatMap(t -> t.columns().stream()).map(ColumnDef::name).toList();
    assertEquals(Set.of("date"), new ReservedWordHint(columns).reservedColumns());
  }

  @Test
  void aQueryCalciteCannotPlanIsOneLineFeatureNotSupported() {
    // The functions module refuses NTH_VALUE over a partial frame (Calcite alone would answer wrongly).
    Throwable failure = failure("select nth_value(x, 2) over (order by x rows between 1 preceding and current row)"
        + " from (values (1), (2)) as t(x)");
    String report = ErrorMapper.plannerReport(failure);
    assertTrue(report.startsWith("There are not enough rules"), report);
    GatewayError error = MAPPER.map(failure, "q1");
    assertEquals("0A000", error.sqlState());
    assertEquals(ErrorKind.UNSUPPORTED.code(), error.code());
    assertEquals("not supported: NTH_VALUE(...) OVER (...) with this frame, ordering or DISTINCT: the gateway"
        + " refuses windows it would compute wrongly; see the supported SQL in the README (docs/sql-functions.md)",
        error.message());

    GatewayError distinct = MAPPER.map(
        failure("select sum(distinct x) over (order by x) from (values (1), (2)) as t(x)"), "q1");
    assertEquals("0A000", distinct.sqlState());
    assertTrue(distinct.message().startsWith("not supported: SUM(DISTINCT ...) OVER (...) with this frame"),
        distinct.message());
  }

  @Test
  void aPlanningReportWithoutAMissingConversionStillGetsTheGenericLine() {
    assertEquals("this query cannot be run by the gateway (no execution plan for it); see the supported SQL in the"
        + " README (docs/sql-functions.md)", UnsupportedPlan.message("There are not enough rules to produce a node"
        + " with desired properties: convention=ENUMERABLE. All the inputs have relevant nodes, however the cost is"
        + " still infinite.\nRoot: rel#1"));
    assertEquals("not supported: the gateway cannot execute this query's join; see the supported SQL in the README"
        + " (docs/sql-functions.md)", UnsupportedPlan.message("There are not enough rules ...\nMissing conversion is"
        + " LogicalJoin[convention: NONE -> ENUMERABLE]\nThere is 1 empty subset: ..."));
  }

  /** Whatever executing {@code sql} throws: Calcite lets some runtime failures out unwrapped, even Errors. */
  private static Throwable failure(String sql) {
    return assertThrows(Throwable.class, () -> {
      try (Statement statement = connection.createStatement()) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          while (rows.next()) {
            rows.getObject(1);
          }
        }
      }
    });
  }

  @Test
  void clickHouseFailingAfterRowsIsTheIncompleteAnswerErrorAsItIs() {
    String message = "ClickHouse failed after 100 rows were sent (connection refused); the answer would be"
        + " incomplete, so it is not returned — run the query again";
    GatewayError error = MAPPER.map(new RuntimeException(new java.sql.SQLNonTransientConnectionException(message,
        "08006", new java.net.ConnectException("Connection refused"))), "q9");
    assertEquals("08006", error.sqlState());
    assertEquals(ErrorKind.BACKEND_FAILED.code(), error.code());
    assertEquals(message, error.message());
  }

  @Test
  void aStatementClickHouseRejectedIsOneLineWithoutServerDetails() {
    com.clickhouse.client.api.ServerException server = new com.clickhouse.client.api.ServerException(6,
        "Code: 6. DB::Exception: Cannot parse input: expected '\"' before: 'x' (CANNOT_PARSE_TEXT)"
        + " (version 24.8.1.1)\nStack trace:\n0. DB::Exception::Exception", 500, "abc-123");
    GatewayError error = MAPPER.map(new RuntimeException("exception while executing query",
        new SQLException("Code: 6 ...", "HY000", 6, server)), "q10");
    assertEquals(ErrorKind.BACKEND_REJECTED.code(), error.code());
    assertEquals("ClickHouse rejected the query (error 6): Cannot parse input: expected '\"' before: 'x'"
        + " (CANNOT_PARSE_TEXT); rephrase it (or report it as a gateway dialect gap if the same SQL works on the"
        + " lake)", error.message());
    assertFalse(error.message().contains("Stack trace"));
    assertFalse(error.message().contains("version"));
  }

  @Test
  void aClickHouseTimeoutIsTheGuardrailsTimeout() {
    com.clickhouse.client.api.ServerException server = new com.clickhouse.client.api.ServerException(159,
        "Code: 159. DB::Exception: Timeout exceeded: elapsed 5.0 seconds (TIMEOUT_EXCEEDED)", 500, "abc-124");
    GatewayError error = MAPPER.map(new RuntimeException(new SQLException("timeout", "HY000", 159, server)), "q11");
    assertEquals("57014", error.sqlState());
    assertTrue(error.message().contains("ran longer than its timeout"), error.message());
  }
}
