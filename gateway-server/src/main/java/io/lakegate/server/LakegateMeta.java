package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.failover.Answer;
import io.lakegate.failover.Backend;
import io.lakegate.failover.BackendChoice;
import io.lakegate.failover.Failover;
import io.lakegate.guardrails.GuardrailSession;
import io.lakegate.guardrails.GuardrailViolation;
import io.lakegate.guardrails.Guardrails;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's {@link JdbcMeta} over Calcite: each remote connection is a fresh Calcite connection
 * with fixed properties whose root schema holds the one shared virtual schema, so connections
 * cost no lake reads and no client property can change what they see. Statements are prepared by
 * {@link LakegatePrepare} under the {@link Guardrails}, with the connection's own
 * {@link GuardrailSession} (a client may shorten its query timeout when it opens the connection).
 *
 * <p>Row counts a request leaves out mean "no limit, default frames". Avatica's JSON decoding
 * turns a missing {@code maxRowsTotal}, {@code maxRowsInFirstFrame} (execute: {@code maxRowCount})
 * or {@code fetchMaxRowCount} into 0, which {@link JdbcMeta} reads as "send 0 rows, done": a curl
 * user or an agent that omits one would get an empty, complete result. So 0 is served as what
 * Avatica's remote driver sends for a statement without a row limit: -1, a first frame of
 * {@value #DEFAULT_FRAME_ROWS} rows ({@link AvaticaStatement#DEFAULT_FETCH_SIZE}), and fetches of
 * {@value #DEFAULT_FRAME_ROWS} rows.
 *
 * <p>With {@link Failover}, every execution runs through its executor: the backend (ClickHouse or
 * the lake) is bound around prepare, execute and the first frame, a ClickHouse outage before the first
 * frame re-runs the statement on the lake, and one after rows were sent becomes the 08006 error.
 */
public final class LakegateMeta extends JdbcMeta {
  private static final Logger LOG = LoggerFactory.getLogger(LakegateMeta.class);
  private static final String CALCITE_URL = "jdbc:calcite:";
  /** Calcite's driver; each connection gets a copy whose prepare factory carries its guardrail session. */
  private static final Driver CALCITE_DRIVER = new Driver();
  /** Rows in a frame when the request does not say; Avatica's own default fetch size. */
  static final int DEFAULT_FRAME_ROWS = AvaticaStatement.DEFAULT_FETCH_SIZE;
  /** Avatica's "no limit" for row counts of the meta API (0 would mean no rows at all). */
  private static final int NO_LIMIT = -1;

  private final String schemaName;
  private final Schema schema;
  private final Guardrails guardrails;
  private final Optional<Failover> failover;
  /** The backend each statement's current result comes from (for fetch failures). */
  private final ConcurrentMap<Integer, Backend> backends = new ConcurrentHashMap<>();
  /** The backend each prepared statement was planned for (a failover re-prepares it on the lake). */
  private final ConcurrentMap<Integer, Backend> prepared = new ConcurrentHashMap<>();

  /**
   * The gateway's meta: every connection mounts {@code failover}'s schema, every execution runs
   * through its executor.
   *
   * @param schemaName the name callers use ({@code analytics}), also the default schema
   * @param failover the routing between ClickHouse and the lake, shared by every connection
   * @param guardrails the policy every statement of every connection is checked and rewritten by
   */
  public LakegateMeta(String schemaName, Failover failover, Guardrails guardrails) throws SQLException {
    this(schemaName, requireNonNull(failover, "failover").schema(), Optional.of(failover), guardrails);
  }

  /**
   * A meta over a plain schema without failover (tests of the Avatica layer).
   *
   * @param schemaName the name callers use ({@code analytics}), also the default schema
   * @param schema the virtual schema, shared by every connection
   * @param guardrails the policy every statement of every connection is checked and rewritten by
   */
  public LakegateMeta(String schemaName, Schema schema, Guardrails guardrails) throws SQLException {
    this(schemaName, schema, Optional.empty(), guardrails);
  }

  private LakegateMeta(String schemaName, Schema schema, Optional<Failover> failover, Guardrails guardrails)
      throws SQLException {
    super(CALCITE_URL, calciteProperties(schemaName));
    this.schemaName = requireNonNull(schemaName, "schemaName");
    this.schema = requireNonNull(schema, "schema");
    this.failover = failover;
    this.guardrails = requireNonNull(guardrails, "guardrails");
  }

  /**
   * The only properties a Calcite connection gets: MySQL-style case-insensitive identifiers that
   * keep their case, standard functions, UTC, and the virtual schema as default. Nothing from the
   * model/schemaFactory family: the schema is added by {@link #createConnection}.
   */
  static Properties calciteProperties(String schemaName) {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.LEX.camelName(), Lex.MYSQL_ANSI.name());
    properties.setProperty(CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");
    properties.setProperty(CalciteConnectionProperty.FUN.camelName(), "standard");
    properties.setProperty(CalciteConnectionProperty.SCHEMA.camelName(), schemaName);
    return properties;
  }

  /**
   * Rejects every client property outside {@link Guardrails#ALLOWED_CONNECTION_PROPERTIES} (and a
   * timeout longer than the policy's), then opens with the server's properties only; the only thing
   * passed on is the connection's guardrail session, which {@link #createConnection} takes back out.
   */
  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    GuardrailSession session;
    try {
      session = guardrails.openSession(info);
    } catch (GuardrailViolation e) {
      throw GatewayError.of(e).toException();
    }
    super.openConnection(ch, Map.of(Guardrails.TIMEOUT_PROPERTY, Long.toString(session.timeoutMs())));
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    // The deprecated variant without maxRowsInFirstFrame delegates here too.
    long rows = maxRowCount == 0 ? NO_LIMIT : maxRowCount;
    int firstFrame = maxRowsInFirstFrame == 0 ? NO_LIMIT : maxRowsInFirstFrame;
    if (failover.isEmpty()) {
      return super.prepareAndExecute(h, sql, rows, firstFrame, callback);
    }
    // Prepare, execute and the first frame all happen in here: a ClickHouse outage before the first
    // frame is returned re-runs the same statement on the lake (JdbcMeta closes the old result itself).
    Answer<ExecuteResult> answer = failover.get().executor().call(backend ->
        super.prepareAndExecute(h, sql, rows, firstFrame, callback));
    noted(h.id, answer);
    return answer.value();
  }

  @Override
  @SuppressWarnings("try") // the binding is read by the planner, not in the block
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    if (failover.isEmpty()) {
      return super.prepare(ch, sql, maxRowCount);
    }
    // The plan is fixed here, so the backend is chosen here; execute re-prepares when it changed.
    try (BackendChoice choice = failover.get().schema().bind(failover.get().schema().route())) {
      StatementHandle h = super.prepare(ch, sql, maxRowCount);
      prepared.put(h.id, choice.backend());
      return h;
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    // The deprecated variant with a long count delegates here too.
    int firstFrame = maxRowsInFirstFrame == 0 ? NO_LIMIT : maxRowsInFirstFrame;
    if (failover.isEmpty()) {
      return super.execute(h, parameterValues, firstFrame);
    }
    Answer<ExecuteResult> answer = failover.get().executor().call(backend -> {
      if (backend != prepared.getOrDefault(h.id, Backend.LAKE)) {
        reprepare(h, backend);
      }
      return super.execute(h, parameterValues, firstFrame);
    });
    noted(h.id, answer);
    return answer.value();
  }

  /** Plans {@code h}'s statement again under the binding the executor holds, replacing the cached one. */
  private void reprepare(StatementHandle h, Backend backend) throws NoSuchStatementException {
    StatementInfo old = getStatementCache().getIfPresent(h.id);
    if (old == null || h.signature == null || h.signature.sql == null) {
      throw new NoSuchStatementException(h);
    }
    try {
      PreparedStatement fresh = getConnection(h.connectionId).prepareStatement(h.signature.sql);
      getStatementCache().put(h.id, new StatementInfo(fresh));
      // StatementInfo does not expose its statement: close it through its result set while that is open;
      // otherwise (a result already sent is closed) the Calcite connection closes it with its others.
      ResultSet previous = old.getResultSet();
      if (previous != null && !previous.isClosed() && previous.getStatement() != null) {
        previous.getStatement().close();
      }
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
    prepared.put(h.id, backend);
  }

  private void noted(int statementId, Answer<ExecuteResult> answer) {
    backends.put(statementId, answer.backend());
    // "No ClickHouse configured" is not a failover: only a configured ClickHouse's failure is noted.
    boolean configured = failover.flatMap(Failover::breaker).isPresent();
    FailoverNote.set(new FailoverNote(answer.backend(), configured ? answer.lakeReason() : Optional.empty()));
  }

  @Override
  public void closeStatement(StatementHandle h) {
    try {
      super.closeStatement(h);
    } finally {
      backends.remove(h.id);
      prepared.remove(h.id);
    }
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    try {
      super.closeConnection(ch);
    } finally {
      // Statement ids are unique per server: forget those whose statements are gone.
      backends.keySet().removeIf(id -> getStatementCache().getIfPresent(id) == null);
      prepared.keySet().removeIf(id -> getStatementCache().getIfPresent(id) == null);
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    if (resultAlreadySent(h)) {
      // JdbcMeta closes the result set with its last frame, and a further fetch would fail with
      // "ResultSet closed"; JSON callers (curl, agents) often fetch once more, so answer "no more rows".
      return new Frame(offset, true, List.of());
    }
    try {
      return super.fetch(h, offset, fetchMaxRowCount == 0 ? DEFAULT_FRAME_ROWS : fetchMaxRowCount);
    } catch (RuntimeException e) {
      if (failover.isEmpty()) {
        throw e;
      }
      // offset is the number of rows already sent: a ClickHouse outage now means an incomplete answer.
      Optional<SQLException> incomplete = failover.get().executor()
          .failureAfterRows(e, backends.getOrDefault(h.id, Backend.LAKE), offset);
      if (incomplete.isPresent()) {
        throw new RuntimeException(incomplete.get());
      }
      throw e;
    }
  }

  private boolean resultAlreadySent(StatementHandle h) {
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    if (info == null || info.getResultSet() == null) {
      return false;
    }
    try {
      return info.getResultSet().isClosed();
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * A new Calcite connection configured as every remote connection is (the warm-up at start uses
   * it); the caller closes it.
   */
  Connection openCalciteConnection() throws SQLException {
    return createConnection(CALCITE_URL, calciteProperties(schemaName));
  }

  /**
   * A Calcite connection with {@code info} (the server's properties; the guardrail session travels
   * in it from {@link #openConnection} and is removed before Calcite sees it).
   */
  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    Properties calciteInfo = (Properties) info.clone();
    Object timeout = calciteInfo.remove(Guardrails.TIMEOUT_PROPERTY);
    GuardrailSession session = timeout == null
        ? guardrails.defaultSession()
        : new GuardrailSession(Long.parseLong(timeout.toString()));
    Driver driver = CALCITE_DRIVER.withPrepareFactory(() -> new LakegatePrepare(guardrails, session));
    Connection connection = driver.connect(url, calciteInfo);
    try {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      calcite.getRootSchema().add(schemaName, schema);
      calcite.setSchema(schemaName);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Whether the connection is still open (not closed, not expired); does not count as a use. */
  boolean isOpen(String connectionId) {
    return getConnectionCache().asMap().containsKey(connectionId);
  }

  /** Open connections right now (approximate while expired ones await cleanup). */
  long openConnections() {
    return getConnectionCache().size();
  }

  /** Closes every open connection and its statements (server shutdown). */
  void closeAllConnections() {
    List<String> ids = List.copyOf(getConnectionCache().asMap().keySet());
    for (String id : ids) {
      try {
        closeConnection(new ConnectionHandle(id));
      } catch (RuntimeException e) {
        LOG.warn("closing connection {} at shutdown failed: {}", id, e.toString());
      }
    }
    if (!ids.isEmpty()) {
      LOG.info("closed {} open connection(s)", ids.size());
    }
  }
}
