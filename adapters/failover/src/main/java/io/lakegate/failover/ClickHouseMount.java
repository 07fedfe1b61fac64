package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.Wrapper;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where the generated code of pushed-down statements finds the ClickHouse pool, without the ClickHouse
 * schema being mounted anywhere a user could name it in SQL.
 *
 * <p>Calcite's JDBC adapter compiles {@code <convention expression>.unwrap(DataSource.class)} into every
 * statement; {@code ClickHouseBackend.createSchema(parent, name)} makes that expression
 * {@code <parent's expression>.getSubSchema(name)}. Here {@code parent} is a private root schema whose
 * expression is the static call {@link #root(String) ClickHouseMount.root(id)}, and {@code name} holds a
 * schema that unwraps to the (tracked) pool. The connection's own root schema, which users query, never
 * contains it. Public only because the generated code calls {@link #root}.
 */
public final class ClickHouseMount implements AutoCloseable {
  /** The name of the pool's schema under the private root. */
  static final String SCHEMA_NAME = "clickhouse";

  private static final Map<String, SchemaPlus> ROOTS = new ConcurrentHashMap<>();

  private final String id;
  private final SchemaPlus root;

  private ClickHouseMount(String id, SchemaPlus root) {
    this.id = id;
    this.root = root;
  }

  /** A private root registered as {@code id}, with {@code pool} under {@link #SCHEMA_NAME}. */
  static ClickHouseMount register(String id, DataSource pool) {
    requireNonNull(id, "id");
    requireNonNull(pool, "pool");
    SchemaPlus root = CalciteSchema.createRootSchema(false, false, "", new RootSchema(id)).plus();
    root.add(SCHEMA_NAME, new PoolSchema(pool));
    if (ROOTS.putIfAbsent(id, root) != null) {
      throw new IllegalStateException("a ClickHouse mount named " + id + " is already registered");
    }
    return new ClickHouseMount(id, root);
  }

  /** Used by generated code: the private root registered as {@code id}. */
  public static SchemaPlus root(String id) {
    SchemaPlus root = ROOTS.get(id);
    if (root == null) {
      throw new IllegalStateException("the ClickHouse backend " + id + " is closed");
    }
    return root;
  }

  /** The parent to pass to {@code ClickHouseBackend.createSchema(parent, SCHEMA_NAME)}. */
  SchemaPlus parent() {
    return root;
  }

  @Override
  public void close() {
    ROOTS.remove(id, root);
  }

  /** The private root: its expression is the static lookup, not a connection's root schema. */
  private static final class RootSchema extends AbstractSchema {
    private final String id;

    RootSchema(String id) {
      this.id = id;
    }

    @Override
    public Expression getExpression(@Nullable SchemaPlus parentSchema, String name) {
      return Expressions.call(ClickHouseMount.class, "root", Expressions.constant(id));
    }
  }

  /** A schema without tables that unwraps to the pool, which is all the generated code asks of it. */
  private static final class PoolSchema extends AbstractSchema implements Wrapper {
    private final DataSource pool;

    PoolSchema(DataSource pool) {
      this.pool = pool;
    }

    @Override
    public <C extends Object> @Nullable C unwrap(Class<C> type) {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      return type == DataSource.class ? type.cast(pool) : null;
    }
  }
}
