package io.lakegate.bench;

import io.lakegate.testing.clickhouse.StatementRecord;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each corpus query once through the ClickHouse-routed gateway, alone, and reads from the engine's
 * statement log exactly what reached ClickHouse for it (the direct reference replays that), and from the
 * gateway's query log which backend answered.
 */
final class PushdownCapture {
  private static final Logger LOG = LoggerFactory.getLogger(PushdownCapture.class);
  private static final Duration LOG_WAIT = Duration.ofSeconds(10);

  private PushdownCapture() {
  }

  static Map<String, PushedQuery> capture(BenchContext context, GatewayProcess gateway, JdbcClient client)
      throws IOException, InterruptedException {
    QueryLogTail log = new QueryLogTail(gateway.logFile());
    Map<String, PushedQuery> pushed = new LinkedHashMap<>();
    for (BenchQuery query : context.queries()) {
      long seq = context.engine().lastSeq();
      log.skipToEnd();
      List<List<String>> rows;
      try {
        rows = client.query(query.sql()).rows();
      } catch (SQLException e) {
        LOG.warn("capture: {} failed through the gateway: {}", query.name(), Errors.oneLine(e));
        pushed.put(query.name(), new PushedQuery(query.name(), List.of(), Map.of(), "error", List.of()));
        continue;
      }
      String backend = log.next(LOG_WAIT).map(QueryLogLine::backend).orElse("unknown");
      List<StatementRecord> received = context.engine().queriesAfter(seq).stream()
          .filter(s -> BenchEngine.USER.equals(s.user()))
          .toList();
      Map<String, String> settings = received.isEmpty() ? Map.of() : received.get(0).settings();
      PushedQuery captured = new PushedQuery(query.name(), received.stream().map(StatementRecord::sql).toList(),
          settings, backend, rows);
      if (!captured.replayable()) {
        LOG.warn("capture: {} was answered by {} with {} ClickHouse statement(s); it has no direct reference",
            query.name(), backend, received.size());
      } else if (received.size() > 1) {
        LOG.warn("capture: {} reached ClickHouse as {} statements (not one pushed-down statement)", query.name(),
            received.size());
      }
      pushed.put(query.name(), captured);
    }
    return pushed;
  }
}
