package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.clickhouse.AnalystQueries.AnalystQuery;
import io.lakegate.testing.clickhouse.StatementRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every analyst query gives the same rows through ClickHouse as through the lake path, and runs
 * in ClickHouse as exactly one statement: the plan is one {@code JdbcToEnumerableConverter} (its
 * {@link ClickHouseToEnumerableConverter} subclass) with only JDBC nodes under it, and the engine
 * received exactly the SQL Calcite generated.
 */
class PushdownEquivalenceTest {
  static final List<AnalystQuery> QUERIES = AnalystQueries.ALL;
  static final List<AnalystQuery> PARTLY_PUSHED = AnalystQueries.PARTLY_PUSHED;

  @ParameterizedTest(name = "{0}")
  @FieldSource("QUERIES")
  void sameRowsOnBothPaths(AnalystQuery query) throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    QueryResult lake = QueryResult.run(fixture.lake, query.sql());
    long before = lastSeq(fixture);
    QueryResult clickhouse = QueryResult.run(fixture.clickhouse, query.sql());
    assertNull(lake.difference(clickhouse, query.ordered()), () -> query.name() + "\n" + clickhouse.pushedSql());
    List<String> received = fixture.engine.statements().stream()
        .filter(s -> s.seq() > before && !isDriverBootstrap(s))
        .map(StatementRecord::sql)
        .toList();
    assertEquals(List.of(clickhouse.pushedSql()), received, "statements ClickHouse received for " + query.name());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("QUERIES")
  void wholeQueryIsOneJdbcStatement(AnalystQuery query) throws SQLException {
    String plan = plan(ClickHouseFixture.get(), query.sql());
    // ClickHouseToEnumerableConverter is Calcite's JdbcToEnumerableConverter with a transfer cost
    assertTrue(plan.startsWith("ClickHouseToEnumerableConverter"), () -> query.name() + " is not fully pushed down:\n" + plan);
    assertEquals(1, plan.split("Enumerable", -1).length - 1, () -> query.name() + ":\n" + plan);
  }

  /** What ClickHouse cannot answer like Calcite stays in Calcite, and the rows are still the lake path's. */
  @ParameterizedTest(name = "{0}")
  @FieldSource("PARTLY_PUSHED")
  void partlyPushedQueriesStillGiveTheSameRows(AnalystQuery query) throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    QueryResult lake = QueryResult.run(fixture.lake, query.sql());
    QueryResult clickhouse = QueryResult.run(fixture.clickhouse, query.sql());
    assertNull(lake.difference(clickhouse, query.ordered()), () -> query.name() + "\n" + clickhouse.pushedSql());
    String plan = plan(fixture, query.sql());
    assertTrue(plan.contains("ClickHouseToEnumerableConverter") && !plan.startsWith("ClickHouseToEnumerableConverter"),
        () -> query.name() + " should be partly pushed:\n" + plan);
  }

  static String plan(ClickHouseFixture fixture, String sql) throws SQLException {
    try (Statement statement = fixture.clickhouse.createStatement();
         ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      StringBuilder plan = new StringBuilder();
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
      return plan.toString();
    }
  }

  /** clickhouse-jdbc asks the server of a new pooled connection for its version: the pool's statement, not the query's. */
  static boolean isDriverBootstrap(StatementRecord statement) {
    return statement.sql().contains("server_version");
  }

  static long lastSeq(ClickHouseFixture fixture) {
    List<StatementRecord> statements = fixture.engine.statements();
    return statements.isEmpty() ? 0 : statements.get(statements.size() - 1).seq();
  }
}
