package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.TableDef;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.util.NameMap;
import org.apache.calcite.sql.SqlDialect;

import javax.sql.DataSource;

/**
 * The declared tables as Calcite's JDBC adapter over ClickHouse: a {@link JdbcSchema} whose tables
 * are exactly model.json's, with model.json's row types (never JDBC metadata's), all sharing this
 * schema's one {@link JdbcConvention}, so that joins between them are pushed down too.
 *
 * <p>Like Calcite's own {@code JdbcSchema.create}, an instance is made for one place in a root
 * schema ({@code parent}, {@code name}): the generated code finds the pool through that path.
 * {@link ClickHouseBackend#createSchema} makes one; {@link ClickHouseBackend#addTo} also mounts it.
 */
public final class ClickHouseSchema extends JdbcSchema {
  private final NameMap<Table> tables = new NameMap<>();

  private ClickHouseSchema(DataSource dataSource, SqlDialect dialect, JdbcConvention convention, String database) {
    super(dataSource, dialect, convention, null, database);
  }

  /** A schema for {@code model}'s tables in ClickHouse database {@code database}, to be mounted as {@code parent.name}. */
  static ClickHouseSchema create(SchemaPlus parent, String name, DataSource dataSource, LakegateModel model,
      String database) {
    requireNonNull(parent, "parent");
    requireNonNull(name, "name");
    Expression expression = Schemas.subSchemaExpression(parent, name, JdbcSchema.class);
    SqlDialect dialect = LakegateClickHouseDialect.DEFAULT;
    JdbcConvention convention = new ClickHouseConvention(dialect, expression, name);
    ClickHouseSchema schema = new ClickHouseSchema(dataSource, dialect, convention, database);
    for (TableDef table : model.tables()) {
      schema.tables.put(table.name(), new ClickHouseTable(table, schema.remoteTable(table.name(), database),
          convention));
    }
    return schema;
  }

  /** Calcite's view of the ClickHouse table, which names it in generated SQL ({@code database.table}). */
  private JdbcTable remoteTable(String tableName, String database) {
    Table table;
    try {
      table = super.tables().get(tableName);
    } catch (RuntimeException e) {
      throw new ClickHouseSchemaException("cannot look up table " + database + "." + tableName
          + " in ClickHouse: " + e.getMessage(), e);
    }
    if (!(table instanceof JdbcTable)) {
      throw new ClickHouseSchemaException("ClickHouse has no table " + database + "." + tableName
          + " (declared in model.json); create it with the files in ddl/");
    }
    return (JdbcTable) table;
  }

  @Override
  public Lookup<Table> tables() {
    return Lookup.of(tables);
  }
}
