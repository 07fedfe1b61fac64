package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What the gateway sent ClickHouse for one corpus query, read from the engine's statement log, and what
 * it answered the client.
 *
 * @param query the corpus query's name
 * @param statements the statements the engine received for it, in order (one when fully pushed down)
 * @param settings the server settings the gateway sent with them
 * @param backend the backend the gateway's query log names ({@code clickhouse} unless it fell back)
 * @param rows the rows the gateway returned, normalized
 */
record PushedQuery(String query, List<String> statements, Map<String, String> settings, String backend,
    List<List<String>> rows) {
  PushedQuery {
    requireNonNull(query, "query");
    statements = List.copyOf(statements);
    settings = Map.copyOf(settings);
    requireNonNull(backend, "backend");
    rows = List.copyOf(rows);
  }

  /** Whether the direct reference can replay it: ClickHouse answered and received at least one statement. */
  boolean replayable() {
    return "clickhouse".equals(backend) && !statements.isEmpty();
  }
}
