package io.lakegate.clickhouse;

import java.util.List;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.adapter.jdbc.JdbcTableScan;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.hint.RelHint;

/**
 * Calcite's {@link JdbcTableScan} of a declared table; a subclass only because its constructor is
 * protected (Calcite makes it from {@code JdbcTable.toRel}, whose row type would come from JDBC
 * metadata). Its row type is the declared one of {@code table}.
 */
final class ClickHouseTableScan extends JdbcTableScan {
  ClickHouseTableScan(RelOptCluster cluster, List<RelHint> hints, RelOptTable table, JdbcTable remote,
      JdbcConvention convention) {
    super(cluster, hints, table, remote, convention);
  }
}
