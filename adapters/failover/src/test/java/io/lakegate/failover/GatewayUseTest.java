package io.lakegate.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.FailoverConfig;
import io.lakegate.testing.clickhouse.ClickHouseTestEngine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The executor as the gateway uses it (docs: notes/failover-integration.md): {@code call} around
 * prepare + execute + the first frame, {@code failureAfterRows} when a later fetch fails.
 */
@SuppressWarnings("try") // backend bindings are read by the planner, not in their blocks
class GatewayUseTest {
  /** The breaker only learns of the outage from the statement itself. */
  private static final FailoverConfig SLOW_PROBES = new FailoverConfig(60_000, 60_000, 500);

  @Test void aStatementThatFailsOnClickHouseBeforeItsFirstFrameIsAnsweredByTheLake() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(engine.jdbcUrl(), SLOW_PROBES), world.lake);
         Connection connection = Sql.connect(failover.schema());
         Statement statement = connection.createStatement()) {
      String sql = Sql.QUERIES.get(1);
      Answer<List<List<String>>> healthy = failover.executor().call(backend -> firstFrame(statement, sql));
      assertEquals(Backend.CLICKHOUSE, healthy.backend());
      engine.kill();
      Answer<List<List<String>>> answer = failover.executor().call(backend -> firstFrame(statement, sql));
      assertEquals(Backend.LAKE, answer.backend());
      assertEquals(healthy.value(), answer.value());
      assertTrue(answer.lakeReason().orElseThrow().startsWith("clickhouse failed: "), answer.lakeReason().get());
      assertEquals(1, failover.metrics().rerunsOnLake());
    } finally {
      engine.restart();
    }
  }

  @Test void aFetchThatFailsAfterRowsWereSentBecomesTheIncompleteAnswerError() throws Exception {
    FailoverWorld world = FailoverWorld.get();
    ClickHouseTestEngine engine = world.healthyEngine();
    try (Failover failover = Failover.open(world.model(engine.jdbcUrl(), SLOW_PROBES), world.lake);
         Connection connection = Sql.connect(failover.schema());
         Statement statement = connection.createStatement()) {
      engine.kill();
      // What a fetch after the first frame would see: a real failure of the dead ClickHouse.
      SQLException dead = null;
      try (BackendChoice choice = failover.schema().bind(Backend.CLICKHOUSE)) {
        firstFrame(statement, Sql.QUERIES.get(0));
      } catch (SQLException e) {
        dead = e;
      }
      Optional<SQLException> error = failover.executor().failureAfterRows(dead, Backend.CLICKHOUSE, 100);
      assertEquals("08006", error.orElseThrow().getSQLState());
      assertTrue(error.get().getMessage().startsWith("ClickHouse failed after 100 rows were sent"));
      assertEquals(Optional.empty(), failover.executor().failureAfterRows(dead, Backend.LAKE, 100),
          "a lake failure is passed on as it is");
      assertEquals(Optional.empty(), failover.executor().failureAfterRows(new SQLException("Code: 62. bad", "22000", 62),
          Backend.CLICKHOUSE, 100), "an error that is not an outage is passed on as it is");
    } finally {
      engine.restart();
    }
  }

  /** Prepare + execute + read the first frame (here: every row), as Avatica's prepareAndExecute does. */
  private static List<List<String>> firstFrame(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      return new ArrayList<>(Sql.rows(rs));
    }
  }
}
