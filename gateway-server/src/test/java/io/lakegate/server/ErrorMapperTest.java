package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What callers are told for real Calcite failures, with the same connection settings as the gateway. */
class ErrorMapperTest {
  private static final ErrorMapper MAPPER =
      new ErrorMapper("analytics", List.of("partner_metrics", "quote_outcomes", "commission_history"));
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    Properties properties = LakegateMeta.calciteProperties("analytics");
    connection = DriverManager.getConnection("jdbc:calcite:", properties);
    connection.unwrap(CalciteConnection.class).getRootSchema().add("analytics", new AbstractSchema());
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void unknownTableKeepsCalcitesMessageAndListsTheTables() {
    GatewayError error = MAPPER.map(failure("select * from nope"), "q1");
    assertEquals("42S02", error.sqlState());
    assertEquals("From line 1, column 15 to line 1, column 18: Object 'nope' not found;"
        + " tables in 'analytics': partner_metrics, quote_outcomes, commission_history", error.message());
    GatewayError qualified = MAPPER.map(failure("select * from analytics.nope"), "q1");
    assertEquals("42S02", qualified.sqlState());
    assertTrue(qualified.message().startsWith(
        "From line 1, column 15 to line 1, column 28: Object 'nope' not found within 'analytics'; tables in"),
        qualified.message());
  }

  @Test
  void unknownColumn() {
    GatewayError error = MAPPER.map(failure("select nope from (values (1)) as t(a)"), "q1");
    assertEquals("42S22", error.sqlState());
    assertTrue(error.message().endsWith("Column 'nope' not found in any table"), error.message());
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
}
