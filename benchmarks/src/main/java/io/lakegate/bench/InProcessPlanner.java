package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.failover.Backend;
import io.lakegate.failover.Failover;
import io.lakegate.guardrails.Guardrails;
import io.lakegate.lake.LakeSchema;
import io.lakegate.server.LakegateMeta;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.runtime.Hook;

/**
 * The gateway's planning, in this JVM and without HTTP: the same {@link LakegateMeta} the gateway builds
 * (model.json, lake schema, failover routing, guardrails) and its {@code prepare}, which parses, checks,
 * validates, rewrites, optimizes and generates the backend SQL and the Java code, and compiles it.
 * Calcite's thread-local hooks mark the end of each phase, so one prepare is split into
 * <ul>
 *   <li>parse: the guardrails' statement check (which parses) and Calcite's parse;</li>
 *   <li>validate: validation and conversion to relational algebra;</li>
 *   <li>optimize: field trimming, the guardrails' plan rewrite and the Volcano planner;</li>
 *   <li>implement: the executable plan, including the SQL sent to ClickHouse, as Java source;</li>
 *   <li>compile: Janino compiling that source, and the signature.</li>
 * </ul>
 */
final class InProcessPlanner implements AutoCloseable {
  private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);

  private final Failover failover;
  private final Backend expected;
  private final Guardrails guardrails;
  private final LakegateMeta meta;
  private final Meta.ConnectionHandle connection;

  private InProcessPlanner(Failover failover, Backend expected, Guardrails guardrails, LakegateMeta meta,
      Meta.ConnectionHandle connection) {
    this.failover = failover;
    this.expected = expected;
    this.guardrails = guardrails;
    this.meta = meta;
    this.connection = connection;
  }

  /** Opens the lake of {@code model} (every footer is read: do it once for all planners over the same lake). */
  static LakeSchema openLake(Path model) {
    return LakeSchema.open(ModelLoader.load(model));
  }

  /**
   * The gateway's planning over {@code lake} with {@code model}'s ClickHouse, failover and policy; waits
   * until statements are routed to {@code expected}.
   *
   * @param planCacheSize the gateway's plan cache ({@code 0}: every prepare plans, which the phase split needs)
   */
  static InProcessPlanner open(Path model, LakeSchema lake, Backend expected, int planCacheSize) throws SQLException {
    LakegateModel loaded = ModelLoader.load(model);
    Guardrails guardrails = Guardrails.of(loaded);
    Failover failover = Failover.open(loaded, lake);
    try {
      long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
      while (failover.schema().route() != expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("in-process planning: statements are routed to "
              + failover.schema().route().id() + ", not " + expected.id() + ", after " + ROUTE_TIMEOUT);
        }
        Thread.sleep(50);
      }
      LakegateMeta meta = new LakegateMeta(loaded.schemaName(), failover, guardrails, planCacheSize);
      Meta.ConnectionHandle connection = new Meta.ConnectionHandle("bench-" + UUID.randomUUID());
      meta.openConnection(connection, Map.of());
      return new InProcessPlanner(failover, expected, guardrails, meta, connection);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failover.close();
      throw new IllegalStateException("interrupted while opening the in-process planner", e);
    } catch (SQLException | RuntimeException e) {
      failover.close();
      guardrails.close();
      throw e;
    }
  }

  /**
   * Milliseconds of one prepare, in total and per phase.
   *
   * @param total the whole prepare
   * @param parse up to Calcite's parse tree
   * @param validate up to the converted relational plan
   * @param optimize up to the plan about to be implemented
   * @param implement up to the generated Java source (backend SQL included)
   * @param compile the rest: compilation and the signature
   * @param planned whether the statement was planned for the expected backend: false when the breaker moved
   *     statements to the lake meanwhile (a health probe that timed out on a loaded machine), so the sample
   *     timed another plan and is left out
   */
  record PhaseTimes(double total, double parse, double validate, double optimize, double implement, double compile,
      boolean planned) {
  }

  /** Prepares {@code sql} once and closes the statement. */
  @SuppressWarnings("try") // the hooks are read by Calcite, not in the block
  PhaseTimes prepare(String sql) {
    requireNonNull(sql, "sql");
    long[] marks = new long[4];
    long start;
    long end;
    boolean routed;
    Meta.StatementHandle statement;
    try (Hook.Closeable parsed = Hook.PARSE_TREE.addThread(mark(marks, 0));
         Hook.Closeable converted = Hook.CONVERTED.addThread(mark(marks, 1));
         Hook.Closeable optimized = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread(mark(marks, 2));
         Hook.Closeable generated = Hook.JAVA_PLAN.addThread(mark(marks, 3))) {
      routed = failover.schema().route() == expected;
      start = System.nanoTime();
      statement = meta.prepare(connection, sql, -1);
      end = System.nanoTime();
      routed &= failover.schema().route() == expected;
    }
    meta.closeStatement(statement);
    for (int i = 0; i < marks.length; i++) {
      // A phase Calcite skipped (none do for a query) counts as taking no time.
      if (marks[i] == 0) {
        marks[i] = i == 0 ? start : marks[i - 1];
      }
    }
    return new PhaseTimes(ms(end - start), ms(marks[0] - start), ms(marks[1] - marks[0]), ms(marks[2] - marks[1]),
        ms(marks[3] - marks[2]), ms(end - marks[3]), routed);
  }

  /** A hook handler that notes when Calcite reached it (the first time, for this prepare). */
  private static Consumer<Object> mark(long[] marks, int index) {
    return ignored -> {
      if (marks[index] == 0) {
        marks[index] = System.nanoTime();
      }
    };
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  @Override
  public void close() {
    try {
      meta.closeConnection(connection);
    } finally {
      failover.close();
      guardrails.close();
    }
  }
}
