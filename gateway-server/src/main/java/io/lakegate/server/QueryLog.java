package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.GuardrailNotes;
import io.lakegate.lake.ScanScope;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured query log: one line per query on logger {@value #LOGGER_NAME}, written once
 * when its result is complete (last frame sent, statement or connection closed, or an error), with
 * the rows actually sent and the lake IO of the query's own scans ({@code files=} parquet files
 * opened, {@code rowGroups=} row groups read / read plus skipped by statistics; 0 and 0/0 when
 * nothing was read from files, as for a count answered from footers); also the ok/error counters
 * behind {@code GET /metrics}.
 */
final class QueryLog {
  static final String LOGGER_NAME = "lakegate.query";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final int SQL_CHARS = 200;

  private final Supplier<String> backend;
  private final ConcurrentMap<StatementKey, Query> running = new ConcurrentHashMap<>();
  private final LongAdder succeeded = new LongAdder();
  private final LongAdder failed = new LongAdder();

  QueryLog(String backend) {
    this(constant(requireNonNull(backend, "backend")));
  }

  /** @param backend the backend logged for a query whose execute did not say which answered it (a failed one) */
  QueryLog(Supplier<String> backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  private static Supplier<String> constant(String value) {
    return () -> value;
  }

  /** Identifies a statement across connections (Avatica statement ids are per server). */
  record StatementKey(String connectionId, int statementId) {
  }

  /** A query that has started and is not logged yet; its result may still be streaming. */
  static final class Query {
    /** Until the query executes, an id of its own; then its execution's, which its ClickHouse statements carry. */
    private volatile String id = UUID.randomUUID().toString();
    private final StatementKey key;
    private final String user;
    private final String sql;
    private final long startNanos = System.nanoTime();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final ScanScope scan = new ScanScope();
    /** What the guardrails did to the query ({@code limit=... timeout_ms=... }), empty if nothing was noted. */
    private volatile String guardrails = "";
    /** The backend that answered, null until the execute said (the log's default then). */
    private volatile String backend;
    /** {@code failover="..." } when the lake answered because ClickHouse failed, else empty. */
    private volatile String failover = "";

    private Query(StatementKey key, String user, String sql) {
      this.key = key;
      this.user = requireNonNull(user, "user");
      this.sql = sql == null ? "" : sql;
    }

    String id() {
      return id;
    }

    long rows() {
      return rows.get();
    }

    /**
     * Records the guardrails' notes of the query's execution (its row limit and timeout) and takes
     * the execution's id, so that the line names the query as ClickHouse's {@code query_id} does.
     */
    void guardrails(GuardrailNotes.Note note) {
      guardrails = note.summary() + " ";
      id = note.queryId();
    }

    /** Records which backend answered the query's execute (and why the lake did). */
    void backend(FailoverNote note) {
      backend = note.backend().id();
      failover = note.lakeReason().map(reason -> "failover=\"" + quote(reason, SQL_CHARS) + "\" ").orElse("");
    }

    /** The lake IO of this query's scans; bind it around every request that may run them. */
    ScanScope scan() {
      return scan;
    }
  }

  /** Starts a query on a statement; a result still open on that statement is complete now. */
  Query start(String connectionId, int statementId, String user, String sql) {
    StatementKey key = new StatementKey(connectionId, statementId);
    Query query = new Query(key, user, sql);
    Query previous = running.put(key, query);
    if (previous != null) {
      finishOk(previous);
    }
    return query;
  }

  /** A query that failed before it had a statement (a prepare that did not parse). */
  Query startDetached(String user, String sql) {
    return new Query(null, user, sql);
  }

  /** The unfinished query on a statement, or null (metadata result sets are not queries). */
  Query running(String connectionId, int statementId) {
    return running.get(new StatementKey(connectionId, statementId));
  }

  void rowsSent(Query query, long rows) {
    query.rows.addAndGet(rows);
  }

  void finishOk(Query query) {
    if (claim(query)) {
      succeeded.increment();
      ScanScope.Counts io = query.scan.counts();
      LOG.info("query id={} user={} backend={} rows={} ms={} files={} rowGroups={}/{} outcome=ok {}{}sql=\"{}\"",
          query.id, token(query.user), backendOf(query), query.rows.get(), elapsedMs(query), io.filesOpened(),
          io.rowGroupsRead(), io.rowGroupsConsidered(), query.guardrails, query.failover,
          quote(query.sql, SQL_CHARS));
    }
  }

  void finishError(Query query, GatewayError error) {
    if (claim(query)) {
      failed.increment();
      ScanScope.Counts io = query.scan.counts();
      LOG.info("query id={} user={} backend={} rows={} ms={} files={} rowGroups={}/{} outcome=error {}{}error=\"{}\""
          + " sql=\"{}\"", query.id, token(query.user), backendOf(query), query.rows.get(), elapsedMs(query),
          io.filesOpened(), io.rowGroupsRead(), io.rowGroupsConsidered(), query.guardrails, query.failover,
          quote(error.sqlState() + " " + error.message(), Integer.MAX_VALUE), quote(query.sql, SQL_CHARS));
    }
  }

  /** Forgets a query without logging it: the client will re-run it (its statement had expired). */
  void discard(Query query) {
    if (query.finished.compareAndSet(false, true) && query.key != null) {
      running.remove(query.key, query);
    }
  }

  void finishStatement(String connectionId, int statementId) {
    Query query = running(connectionId, statementId);
    if (query != null) {
      finishOk(query);
    }
  }

  /** Completes the queries of connections for which {@code gone} holds (closed or expired). */
  void finishConnections(Predicate<String> gone) {
    List<Query> queries = running.values().stream().filter(q -> gone.test(q.key.connectionId())).toList();
    queries.forEach(this::finishOk);
  }

  void finishAll() {
    finishConnections(id -> true);
  }

  long succeeded() {
    return succeeded.sum();
  }

  long failed() {
    return failed.sum();
  }

  int runningCount() {
    return running.size();
  }

  private boolean claim(Query query) {
    if (!query.finished.compareAndSet(false, true)) {
      return false;
    }
    if (query.key != null) {
      running.remove(query.key, query);
    }
    return true;
  }

  private String backendOf(Query query) {
    String answered = query.backend;
    return answered == null ? backend.get() : answered;
  }

  private static long elapsedMs(Query query) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - query.startNanos);
  }

  /** Text for inside double quotes: one line, backslash and quote escaped, at most {@code max} characters. */
  static String quote(String text, int max) {
    String line = GatewayError.oneLine(text);
    if (line.length() > max) {
      line = line.substring(0, max);
    }
    return line.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** A user name as one unquoted token (characters that would break the line format become '_'). */
  static String token(String text) {
    return text.replaceAll("[^A-Za-z0-9._@-]", "_");
  }
}
