package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.testing.clickhouse.StatementRecord;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guardrail corpus against the gateway routed to the ClickHouse test engine, checked against
 * the engine's statement log: no rejected case reaches ClickHouse at all, every statement an
 * accepted case sends carries a LIMIT no larger than the case's limit and the connection's deadline
 * as {@code max_execution_time}, and a query past its timeout is stopped in ClickHouse itself.
 *
 * <p>Statements are attributed by their {@code query_id}: the gateway sends the id of its query log
 * line (the {@code lakegate.query} logger of this JVM, captured here), so each statement in the log
 * belongs to a query of a known connection ({@link #CORPUS_USER}, {@link #PARALLEL_USER},
 * {@link #RUNAWAY_USER}), or is the gateway's housekeeping (health probes, the driver's handshake), or
 * a {@code KILL QUERY} naming such an id. Anything else is blamed on the case under test.
 */
@ExtendWith(SharedClickHouseGateway.class)
class GuardrailCorpusClickHouseIT extends GuardrailCorpusSuite {
  private static final Pattern LOG_LINE = Pattern.compile("query id=(\\S+) user=(\\S+) ");
  private static final Pattern KILL = Pattern.compile("(?i)^\\s*KILL QUERY .*query_id = '([^']+)'");
  private static final Pattern STATEMENT_ID = Pattern.compile("(.+)-\\d+");
  /** ClickHouse's TIMEOUT_EXCEEDED (its own max_execution_time) and QUERY_WAS_CANCELLED (the gateway's KILL). */
  private static final List<Integer> STOPPED = List.of(159, 394);
  private static final long ATTRIBUTION_WAIT_MS = 10_000;
  private static final String TIMEOUT = "TIMEOUT";
  /** model.json's {@code queryTimeoutMs}: the timeout of the corpus connection. */
  private static final long POLICY_TIMEOUT_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(GuardrailCorpusClickHouseIT.class);

  private final ClickHouseGateway gateway;
  private final QueryLogLines queryLog = new QueryLogLines();
  private final AtomicInteger casesThatReachedClickHouse = new AtomicInteger();
  private long before;

  GuardrailCorpusClickHouseIT(ClickHouseGateway gateway) {
    this.gateway = gateway;
  }

  @BeforeAll
  void captureTheQueryLog() {
    queryLog.start();
  }

  @AfterAll
  void stopCapturing() {
    queryLog.close();
    assertTrue(casesThatReachedClickHouse.get() >= 50,
        "accepted cases answered by ClickHouse: " + casesThatReachedClickHouse.get());
  }

  @Override
  protected int port() {
    return gateway.port();
  }

  @Override
  protected Connection connect(Properties properties) throws SQLException {
    return gateway.connect(properties);
  }

  @Override
  protected void beforeStatement() {
    before = gateway.lastStatement();
  }

  @Override
  protected void assertBackendStatements(GuardrailCorpus.Case c, boolean rejected) {
    Map<String, List<StatementRecord>> byUser = receivedSinceBefore(c.toString());
    List<StatementRecord> ours = byUser.getOrDefault(CORPUS_USER, List.of());
    if (rejected && TIMEOUT.equals(c.rejectedBy())) {
      // Rejected at run time: the statement was sent and must have been stopped in ClickHouse at the deadline.
      assertStopped(c.toString(), ours, POLICY_TIMEOUT_MS);
      return;
    }
    if (rejected) {
      assertEquals(List.of(), ours, c + " was rejected, yet ClickHouse received statements for it");
      return;
    }
    long limit = c.limit().orElseThrow();
    for (StatementRecord statement : ours) {
      OptionalLong sent = OutermostLimit.of(statement.sql());
      assertTrue(sent.isPresent() && sent.getAsLong() <= limit,
          c + ": ClickHouse received a statement without a LIMIT of at most " + limit + ": " + statement.sql());
      assertDeadline(c.toString(), statement, POLICY_TIMEOUT_MS);
    }
    if (!ours.isEmpty()) {
      casesThatReachedClickHouse.incrementAndGet();
    }
  }

  @Override
  protected void assertStoppedInBackend(long timeoutMs) throws Exception {
    assertStopped("the runaway query", receivedSinceBefore("the runaway query").getOrDefault(RUNAWAY_USER, List.of()),
        timeoutMs);
  }

  /**
   * A query that ran into its timeout: every statement it sent carried the deadline, ClickHouse itself
   * stopped the long one (its own limit, or the gateway's KILL QUERY) about the deadline, and the
   * engine runs none of it any more.
   */
  private void assertStopped(String what, List<StatementRecord> received, long timeoutMs) {
    List<StatementRecord> statements = received.stream().filter(s -> !KILL.matcher(s.sql()).find()).toList();
    assertFalse(statements.isEmpty(), what + " reached ClickHouse");
    statements.forEach(statement -> assertDeadline(what, statement, timeoutMs));
    StatementRecord stopped = statements.stream().filter(s -> STOPPED.contains(s.errorCode())).findFirst()
        .orElseThrow(() -> new AssertionError(what + ": ClickHouse did not stop it itself: " + statements));
    assertTrue(stopped.elapsedMs() < timeoutMs + 2_000, what + ": ClickHouse ran it for " + stopped.elapsedMs()
        + " ms: " + stopped);
    try {
      assertEquals(0, stillRunning(stopped.sql()), what + ": the engine still runs " + stopped.sql());
    } catch (SQLException e) {
      throw new AssertionError("cannot read the engine's system.processes", e);
    }
    LOG.info("{} was stopped in ClickHouse: {}", what, stopped);
  }

  /** The statement carries the connection's deadline as max_execution_time (seconds, never above the timeout). */
  private static void assertDeadline(String what, StatementRecord statement, long timeoutMs) {
    double seconds = Double.parseDouble(statement.settings().get("max_execution_time"));
    assertTrue(seconds > 0 && seconds <= timeoutMs / 1000.0,
        what + ": max_execution_time " + seconds + " s within the " + timeoutMs + " ms timeout: " + statement);
  }

  /** What operators correlate: the query_id ClickHouse received is the id of the query's gateway log line. */
  @Test
  void theGatewaysQueryIdIsClickHousesQueryId() throws Exception {
    beforeStatement();
    try (Connection c = connect(namedUser(CORPUS_USER)); java.sql.Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select network, count(*) from quote_outcomes group by network")) {
      while (rs.next()) {
        assertTrue(rs.getLong(2) > 0);
      }
    }
    List<StatementRecord> ours = receivedSinceBefore("a grouped count").getOrDefault(CORPUS_USER, List.of());
    assertEquals(1, ours.size(), ours.toString());
    String id = ours.get(0).queryId();
    assertTrue(queryLog.lines().stream().anyMatch(line -> line.startsWith("query id=" + id + " user=" + CORPUS_USER)),
        "the query log line of " + id);
  }

  /**
   * The statements ClickHouse received since {@link #beforeStatement}, by the user of the gateway
   * query each belongs to; waits until every one is accounted for (a query's log line is written
   * when its result is complete, a moment after ClickHouse logged its statement).
   */
  private Map<String, List<StatementRecord>> receivedSinceBefore(String what) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ATTRIBUTION_WAIT_MS);
    while (true) {
      Map<String, String> users = queryLog.usersById();
      Map<String, List<StatementRecord>> byUser = new HashMap<>();
      List<StatementRecord> unknown = new ArrayList<>();
      for (StatementRecord statement : gateway.queriesAfter(before)) {
        String user = users.get(queryIdOf(statement));
        if (user == null && statementIdPrefix(statement.queryId()) != null) {
          user = users.get(statementIdPrefix(statement.queryId()));
        }
        if (user == null) {
          unknown.add(statement);
        } else {
          byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(statement);
        }
      }
      if (unknown.isEmpty()) {
        return byUser;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": ClickHouse received statements that no query of the gateway accounts"
            + " for: " + unknown);
      }
      sleep(50);
    }
  }

  /** The gateway id a statement belongs to: its query_id, or for a KILL QUERY the id it kills. */
  private static String queryIdOf(StatementRecord statement) {
    Matcher kill = KILL.matcher(statement.sql());
    return kill.find() ? kill.group(1) : statement.queryId();
  }

  /** {@code <id>} of a query's later statements, {@code <id>-2}, {@code <id>-3}, ...; null for others. */
  private static String statementIdPrefix(String queryId) {
    Matcher m = STATEMENT_ID.matcher(queryId);
    return m.matches() ? m.group(1) : null;
  }

  /** Statements with exactly this text the engine is running now (as its {@code default} user sees them). */
  private long stillRunning(String sql) throws SQLException {
    try (Connection engine = DriverManager.getConnection(gateway.endpoint().jdbcUrl("default"), "default", "");
         PreparedStatement statement = engine.prepareStatement(
             "SELECT count() FROM system.processes WHERE query = ?")) {
      statement.setString(1, sql);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Properties namedUser(String name) {
    Properties properties = new Properties();
    properties.setProperty("user", name);
    return properties;
  }

  private static void sleep(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The LIMIT of a statement's outermost query: the last LIMIT outside parentheses, literals and quoted names. */
  static final class OutermostLimit {
    private static final Pattern AFTER_LIMIT = Pattern.compile("\\s+(\\d+)(?:\\s*,\\s*(\\d+))?");

    private OutermostLimit() {
    }

    static OptionalLong of(String sql) {
      int depth = 0;
      int last = -1;
      for (int i = 0; i < sql.length(); i++) {
        char ch = sql.charAt(i);
        if (ch == '\'' || ch == '"' || ch == '`') {
          i = endOfQuoted(sql, i, ch);
        } else if (ch == '(') {
          depth++;
        } else if (ch == ')') {
          depth--;
        } else if (depth == 0 && isWord(sql, i, "LIMIT")) {
          last = i + "LIMIT".length();
        }
      }
      if (last < 0) {
        return OptionalLong.empty();
      }
      Matcher m = AFTER_LIMIT.matcher(sql);
      if (!m.find(last) || m.start() != last) {
        return OptionalLong.empty();
      }
      // ClickHouse's LIMIT offset, count, or LIMIT count [OFFSET n].
      return OptionalLong.of(Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1)));
    }

    private static int endOfQuoted(String sql, int start, char quote) {
      for (int i = start + 1; i < sql.length(); i++) {
        char ch = sql.charAt(i);
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
            i++;
          } else {
            return i;
          }
        }
      }
      return sql.length();
    }

    private static boolean isWord(String sql, int at, String word) {
      if (!sql.regionMatches(true, at, word, 0, word.length())) {
        return false;
      }
      boolean startsWord = at == 0 || !Character.isLetterOrDigit(sql.charAt(at - 1)) && sql.charAt(at - 1) != '_';
      int end = at + word.length();
      boolean endsWord = end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_';
      return startsWord && endsWord;
    }
  }

  /** The lines of this JVM's {@code lakegate.query} logger (the gateway runs in-process) while started. */
  private static final class QueryLogLines implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private WriterAppender appender;
    private LoggerConfig logger;

    void start() {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      appender = WriterAppender.newBuilder()
          .setName("guardrail-corpus-query-log-" + UUID.randomUUID())
          .setTarget(out)
          .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
          .build();
      appender.start();
      logger = context.getConfiguration().getLoggerConfig("lakegate.query");
      logger.addAppender(appender, Level.INFO, null);
      context.updateLoggers();
    }

    List<String> lines() {
      synchronized (out) {
        String text = out.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
      }
    }

    Map<String, String> usersById() {
      Map<String, String> users = new HashMap<>();
      for (String line : lines()) {
        Matcher m = LOG_LINE.matcher(line);
        if (m.lookingAt()) {
          users.put(m.group(1), m.group(2));
        }
      }
      return users;
    }

    @Override
    public void close() {
      if (appender != null) {
        logger.removeAppender(appender.getName());
        appender.stop();
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
      }
    }
  }
}
