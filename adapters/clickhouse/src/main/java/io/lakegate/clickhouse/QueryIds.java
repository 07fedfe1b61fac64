package io.lakegate.clickhouse;

import io.lakegate.guardrails.QueryExecution;

import java.util.UUID;

/**
 * The {@code query_id} of every statement sent to ClickHouse (clickhouse-jdbc's
 * {@code jdbc_query_id_generator}): the id of the gateway's query execution it belongs to, so that
 * ClickHouse's {@code system.query_log} and the gateway's {@code lakegate.query} log name the same
 * query ({@code <id>}, then {@code <id>-2}, ... when a plan sends several statements); a random id
 * for statements outside an execution (health probes, the startup schema check), as the driver
 * would make.
 */
final class QueryIds {
  private QueryIds() {
  }

  /** The id of the statement about to be sent from the calling thread. */
  static String next() {
    return QueryExecution.current().map(QueryExecution::nextStatementId).orElseGet(() -> UUID.randomUUID().toString());
  }
}
