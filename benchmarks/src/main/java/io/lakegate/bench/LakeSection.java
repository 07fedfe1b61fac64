package io.lakegate.bench;

import com.fasterxml.jackson.databind.JsonNode;

import io.lakegate.testing.clickhouse.StatementRecord;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Section 2, the lake path: each query on the gateway without ClickHouse (parquet read in the gateway JVM),
 * against DuckDB reading the same files with {@code read_parquet}, and against the ClickHouse engine
 * reading them through {@code ddl/nfs}'s {@code File(Parquet)} tables (the statements the gateway pushed
 * down in section 1). One more, untimed run on the gateway measures what it read.
 */
final class LakeSection {
  static final String SECTION = "lake";
  static final String GATEWAY = "lakegate-lake";
  static final String DUCKDB = "duckdb";
  static final String CLICKHOUSE = "clickhouse-file";
  private static final Logger LOG = LoggerFactory.getLogger(LakeSection.class);
  private static final Duration LOG_WAIT = Duration.ofSeconds(30);

  private LakeSection() {
  }

  /**
   * What one query read on the lake path (the untimed extra run) and on ClickHouse.
   *
   * @param files parquet files the gateway opened (its query log)
   * @param rowGroupsRead row groups it decoded
   * @param rowGroupsConsidered row groups read plus those skipped by statistics
   * @param partitionsPruned partitions excluded before listing their files (/metrics delta)
   * @param columnChunks column chunks decoded (/metrics delta)
   * @param bytesRead bytes the gateway process read through read(2) calls ({@code /proc/<pid>/io} rchar delta;
   *     includes the few hundred bytes of the HTTP requests)
   * @param gatewayMs the gateway's own time for that run
   * @param clickHouseReadRows rows ClickHouse read for the same query (its counters), -1 when unknown
   * @param clickHouseReadBytes bytes ClickHouse read (uncompressed), -1 when unknown
   */
  record Io(long files, long rowGroupsRead, long rowGroupsConsidered, long partitionsPruned, long columnChunks,
      long bytesRead, long gatewayMs, long clickHouseReadRows, long clickHouseReadBytes) {
    static final Io UNKNOWN = new Io(-1, -1, -1, -1, -1, -1, -1, -1, -1);
  }

  /**
   * One query's result.
   *
   * @param sameRowsAsClickHousePath whether the lake path's rows equal the ClickHouse path's (section 1's
   *     capture), order aside; null when either is missing
   */
  record Row(BenchQuery query, Repeater.Outcome lake, Repeater.Outcome duckDb, Repeater.Outcome clickHouse, Io io,
      Boolean sameRowsAsClickHousePath) {
    double duckDbRatio() {
      return Ratios.of(lake, duckDb);
    }

    double clickHouseRatio() {
      return Ratios.of(lake, clickHouse);
    }

    /** Whether every engine that answered returned the same number of rows. */
    boolean rowCountsAgree() {
      long expected = -1;
      for (Repeater.Outcome outcome : new Repeater.Outcome[] {lake, duckDb, clickHouse}) {
        if (outcome == null || !outcome.ok()) {
          continue;
        }
        if (expected >= 0 && outcome.rows() != expected) {
          return false;
        }
        expected = outcome.rows();
      }
      return true;
    }
  }

  /** The section's result. */
  record Result(List<Row> rows, String duckDbVersion) {
    double duckDbGeometricMean() {
      return Ratios.geometricMean(rows.stream().map(Row::duckDbRatio).toList());
    }

    double duckDbMax() {
      return Ratios.max(rows.stream().map(Row::duckDbRatio).toList());
    }

    double clickHouseGeometricMean() {
      return Ratios.geometricMean(rows.stream().map(Row::clickHouseRatio).toList());
    }

    long mismatches() {
      return rows.stream().filter(r -> !r.rowCountsAgree() || Boolean.FALSE.equals(r.sameRowsAsClickHousePath()))
          .count();
    }
  }

  static Result run(BenchContext context, GatewayProcess gateway, JdbcClient client, Map<String, PushedQuery> pushed)
      throws IOException, SQLException, InterruptedException {
    List<Row> rows = new ArrayList<>();
    String duckDbVersion;
    try (JdbcClient duckDb = Clients.duckDb(DUCKDB, context.lake().root());
         DirectClickHouse direct = new DirectClickHouse(context.engine())) {
      duckDbVersion = duckDb.query("select version()").rows().get(0).get(0);
      QueryLogTail log = new QueryLogTail(gateway.logFile());
      for (BenchQuery query : context.queries()) {
        PushedQuery captured = pushed.get(query.name());
        List<Repeater.Subject> subjects = new ArrayList<>();
        subjects.add(new Repeater.Subject(GATEWAY, Repeater.timed(() -> client.query(query.sql()))));
        subjects.add(new Repeater.Subject(DUCKDB, Repeater.timed(() -> duckDb.query(query.duckDbSql()))));
        if (captured != null && captured.replayable()) {
          subjects.add(new Repeater.Subject(CLICKHOUSE, Repeater.timed(() -> direct.replay(captured))));
        }
        LOG.info("lake: {}", query.name());
        Map<String, Repeater.Outcome> outcomes = Repeater.run(SECTION, query.name(), subjects,
            context.options().warmups(), context.options().reps(), context::record);
        Repeater.Outcome lake = outcomes.get(GATEWAY);
        Io io = lake.ok() ? io(context, gateway, client, log, query, direct, captured) : Io.UNKNOWN;
        Boolean same = null;
        if (captured != null && "clickhouse".equals(captured.backend()) && lake.result() != null) {
          same = ResultRows.sorted(captured.rows()).equals(ResultRows.sorted(lake.result().rows()));
        }
        if (Boolean.FALSE.equals(same)) {
          LOG.warn("lake: {} returned other rows on the lake path than on the ClickHouse path", query.name());
        }
        rows.add(new Row(query, lake, outcomes.get(DUCKDB), outcomes.get(CLICKHOUSE), io, same));
      }
    }
    return new Result(rows, duckDbVersion);
  }

  /** The untimed extra run: the gateway's query log line, /metrics and /proc deltas; ClickHouse's read counters. */
  private static Io io(BenchContext context, GatewayProcess gateway, JdbcClient client, QueryLogTail log,
      BenchQuery query, DirectClickHouse direct, PushedQuery captured)
      throws IOException, SQLException, InterruptedException {
    log.skipToEnd();
    JsonNode before = gateway.metrics().path("lake");
    ProcSample procBefore = gateway.proc();
    client.query(query.sql());
    Optional<QueryLogLine> line = log.next(LOG_WAIT);
    ProcSample procAfter = gateway.proc();
    JsonNode after = gateway.metrics().path("lake");
    long chRows = -1;
    long chBytes = -1;
    if (captured != null && captured.replayable()) {
      long seq = context.engine().lastSeq();
      direct.replay(captured);
      List<StatementRecord> received = context.engine().queriesAfter(seq);
      chRows = received.stream().mapToLong(StatementRecord::readRows).sum();
      chBytes = received.stream().mapToLong(StatementRecord::readBytes).sum();
    }
    long bytes = procBefore.readChars() >= 0 && procAfter.readChars() >= 0
        ? procAfter.readChars() - procBefore.readChars() : -1;
    return new Io(line.map(QueryLogLine::files).orElse(-1L), line.map(QueryLogLine::rowGroupsRead).orElse(-1L),
        line.map(QueryLogLine::rowGroupsConsidered).orElse(-1L), delta(before, after, "partitionsPruned"),
        chunks(after) - chunks(before), bytes, line.map(QueryLogLine::millis).orElse(-1L), chRows, chBytes);
  }

  private static long delta(JsonNode before, JsonNode after, String field) {
    return after.path(field).asLong() - before.path(field).asLong();
  }

  private static long chunks(JsonNode lake) {
    long sum = 0;
    for (Iterator<JsonNode> it = lake.path("columnChunksDecoded").elements(); it.hasNext(); ) {
      sum += it.next().asLong();
    }
    return sum;
  }
}
