package io.lakegate.guardrails;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;
import io.lakegate.catalog.TableDef;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.calcite.config.Lex;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Calcite's parser, validator and SQL-to-rel converter over the project's declared tables (row
 * types only, no rows), configured as the gateway's connections are (lex MYSQL_ANSI); the root
 * schema also has Calcite's {@code metadata} schema, as a Calcite connection's does.
 */
final class TestPlanner {
  static final LakegateModel MODEL = ModelLoader.load(Path.of("../model.json"), Map.of());
  static final SqlParser.Config PARSER = SqlParser.config().withLex(Lex.MYSQL_ANSI)
      .withConformance(SqlConformanceEnum.DEFAULT);

  private TestPlanner() {
  }

  /** The validated logical plan of {@code sql} (of the explained query, for an EXPLAIN). */
  static RelRoot plan(String sql) throws Exception {
    return plan(sql, schema -> { });
  }

  /** The plan of {@code sql} over the declared tables and whatever {@code extra} adds to the schema (functions). */
  static RelRoot plan(String sql, Consumer<SchemaPlus> extra) throws Exception {
    Planner planner = Frameworks.getPlanner(config(extra));
    try {
      SqlNode parsed = planner.parse(sql);
      if (parsed instanceof SqlExplain explain) {
        parsed = explain.getExplicandum();
      }
      // As the gateway prepares it: Calcite cannot prepare a top-level TABLE t as it is.
      return planner.rel(planner.validate(ExplicitTable.asSelect(parsed)));
    } finally {
      planner.close();
    }
  }

  private static FrameworkConfig config(Consumer<SchemaPlus> extra) {
    SchemaPlus root = Frameworks.createRootSchema(true);
    AbstractSchema analytics = new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (TableDef table : MODEL.tables()) {
          tables.put(table.name(), new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory typeFactory) {
              return table.rowType(typeFactory);
            }
          });
        }
        return tables;
      }
    };
    SchemaPlus schema = root.add(MODEL.schemaName(), analytics);
    extra.accept(schema);
    return Frameworks.newConfigBuilder().parserConfig(PARSER).defaultSchema(schema).build();
  }
}
