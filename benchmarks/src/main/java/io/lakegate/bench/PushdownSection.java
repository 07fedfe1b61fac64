package io.lakegate.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Section 1, pushdown overhead: each query through the thin driver and the ClickHouse-routed gateway,
 * against the statements the gateway sent, replayed directly with clickhouse-jdbc on the same engine.
 */
final class PushdownSection {
  static final String SECTION = "pushdown";
  static final String GATEWAY = "lakegate-clickhouse";
  static final String DIRECT = "clickhouse-jdbc";
  private static final Logger LOG = LoggerFactory.getLogger(PushdownSection.class);

  private PushdownSection() {
  }

  /**
   * One query's result.
   *
   * @param pushed what the gateway sent ClickHouse
   * @param gateway the thin driver through the gateway
   * @param direct the replay with clickhouse-jdbc; null when there was nothing to replay
   */
  record Row(BenchQuery query, PushedQuery pushed, Repeater.Outcome gateway, Repeater.Outcome direct) {
    /** lakegate's median over the direct median; NaN when either is missing. */
    double ratio() {
      return Ratios.of(gateway, direct);
    }
  }

  /**
   * The section's result.
   *
   * @param rows per query
   * @param lakeAnswers statements the gateway answered from the lake during the section (should be 0)
   */
  record Result(List<Row> rows, long lakeAnswers) {
    double geometricMeanRatio() {
      return Ratios.geometricMean(rows.stream().map(Row::ratio).toList());
    }

    double totalRatio() {
      return Ratios.total(rows.stream().map(Row::gateway).toList(), rows.stream().map(Row::direct).toList());
    }
  }

  static Result run(BenchContext context, GatewayProcess gateway, JdbcClient client, Map<String, PushedQuery> pushed)
      throws IOException, SQLException {
    long lakeBefore = answeredByLake(gateway.metrics());
    List<Row> rows = new ArrayList<>();
    try (DirectClickHouse direct = new DirectClickHouse(context.engine())) {
      for (BenchQuery query : context.queries()) {
        PushedQuery captured = pushed.get(query.name());
        List<Repeater.Subject> subjects = new ArrayList<>();
        subjects.add(new Repeater.Subject(GATEWAY, Repeater.timed(() -> client.query(query.sql()))));
        if (captured.replayable()) {
          subjects.add(new Repeater.Subject(DIRECT, Repeater.timed(() -> direct.replay(captured))));
        }
        LOG.info("pushdown: {}", query.name());
        Map<String, Repeater.Outcome> outcomes = Repeater.run(SECTION, query.name(), subjects,
            context.options().warmups(), context.options().reps(), context::record);
        rows.add(new Row(query, captured, outcomes.get(GATEWAY), outcomes.get(DIRECT)));
      }
    }
    long lakeAnswers = answeredByLake(gateway.metrics()) - lakeBefore;
    if (lakeAnswers > 0) {
      LOG.warn("pushdown: the gateway answered {} statement(s) from the lake during the section", lakeAnswers);
    }
    return new Result(rows, lakeAnswers);
  }

  static long answeredByLake(JsonNode metrics) {
    return metrics.path("failover").path("failover_answered_lake").asLong();
  }
}
