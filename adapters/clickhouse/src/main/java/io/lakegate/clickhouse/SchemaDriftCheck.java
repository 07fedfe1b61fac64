package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The startup check: ClickHouse's view of every declared table ({@code system.columns}) must be
 * exactly the declared columns, in the declared order, each with a type that can back the declared
 * one. Every problem is reported at once, each naming table, column, declared and found type.
 *
 * <p>The order matters because a pushed-down {@code SELECT *} returns ClickHouse's order.
 */
final class SchemaDriftCheck {
  /**
   * All columns of the database in one row ({@code table TAB name TAB type}, one per line), so that
   * the check passes under any {@code max_result_rows} the session carries.
   */
  private static final String COLUMNS_SQL = "SELECT arrayStringConcat(groupArray(concat(table, '\t', name, '\t',"
      + " type)), '\n') FROM (SELECT table, name, type FROM system.columns WHERE database = ?"
      + " ORDER BY table, position)";

  private final LakegateModel model;
  private final String database;

  SchemaDriftCheck(LakegateModel model, String database) {
    this.model = requireNonNull(model, "model");
    this.database = requireNonNull(database, "database");
  }

  /** Reads ClickHouse's columns and throws {@link ClickHouseSchemaException} listing every mismatch. */
  void check(DataSource dataSource) {
    Map<String, List<String[]>> found;
    try {
      found = readColumns(dataSource);
    } catch (SQLException e) {
      throw new ClickHouseSchemaException("cannot read the columns of ClickHouse database '" + database
          + "' to check them against model.json: " + e.getMessage(), e);
    }
    List<String> problems = problems(found);
    if (!problems.isEmpty()) {
      throw new ClickHouseSchemaException(problems.size() == 1
          ? problems.get(0)
          : problems.size() + " mismatches between ClickHouse and model.json:\n  " + String.join("\n  ", problems));
    }
  }

  /** Table name to its {name, type} columns in ClickHouse's order. */
  private Map<String, List<String[]>> readColumns(DataSource dataSource) throws SQLException {
    Map<String, List<String[]>> columns = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
      statement.setString(1, database);
      try (ResultSet rs = statement.executeQuery()) {
        String all = rs.next() ? rs.getString(1) : "";
        for (String line : all.isEmpty() ? new String[0] : all.split("\n")) {
          String[] column = line.split("\t", 3);
          columns.computeIfAbsent(column[0], t -> new ArrayList<>()).add(new String[] {column[1], column[2]});
        }
      }
    }
    return columns;
  }

  List<String> problems(Map<String, List<String[]>> found) {
    List<String> problems = new ArrayList<>();
    for (TableDef table : model.tables()) {
      String qualified = database + "." + table.name();
      List<String[]> columns = found.get(table.name());
      if (columns == null) {
        problems.add("ClickHouse has no table " + qualified + " (declared in model.json); create it with the "
            + "files in ddl/");
        continue;
      }
      problems.addAll(tableProblems(table, qualified, columns));
    }
    return problems;
  }

  private static List<String> tableProblems(TableDef table, String qualified, List<String[]> columns) {
    List<String> problems = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    columns.forEach(c -> types.put(c[0], c[1]));
    for (ColumnDef column : table.columns()) {
      String declared = column.type() + (column.nullable() ? "" : " NOT NULL");
      String expected = ClickHouseColumnType.expected(column.type(), column.nullable());
      String found = types.get(column.name());
      if (found == null) {
        problems.add("ClickHouse table " + qualified + " has no column '" + column.name() + "' (declared "
            + declared + " in model.json; expected " + expected + ")");
        continue;
      }
      ClickHouseColumnType type = ClickHouseColumnType.parse(found);
      if (!type.canBack(column.type())) {
        problems.add("ClickHouse table " + qualified + ": column '" + column.name() + "' is " + found
            + ", which cannot hold the declared " + declared + " (expected " + expected + ")");
      } else if (type.nullable() && !column.nullable()) {
        problems.add("ClickHouse table " + qualified + ": column '" + column.name() + "' is " + found
            + " but model.json declares it " + declared + " (expected " + expected + ")");
      }
    }
    for (String name : types.keySet()) {
      if (table.column(name).isEmpty()) {
        problems.add("ClickHouse table " + qualified + " has column '" + name + "' (" + types.get(name)
            + ") that model.json does not declare; declare it or drop it from the table");
      }
    }
    if (problems.isEmpty()) {
      List<String> declaredOrder = table.columns().stream().map(ColumnDef::name).toList();
      List<String> foundOrder = List.copyOf(types.keySet());
      if (!declaredOrder.equals(foundOrder)) {
        problems.add("ClickHouse table " + qualified + " has the declared columns in another order: "
            + foundOrder + "; model.json declares " + declaredOrder + " (SELECT * must return that order)");
      }
    }
    return problems;
  }
}
