package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.Meta.MetaResultSet;

/**
 * Keeps {@code DatabaseMetaData} answers ({@code getSchemas}, {@code getTables}, {@code getColumns})
 * to the one virtual schema: every Calcite connection's root also holds Calcite's own {@code metadata}
 * schema, which the allowlist forbids to query, so tools must not list it. Rows are filtered on their
 * {@code TABLE_SCHEM} column; JdbcMeta sends metadata answers whole, in their first frame.
 */
final class VirtualSchemaOnly {
  private static final String SCHEMA_COLUMN = "TABLE_SCHEM";

  private final String schemaName;

  VirtualSchemaOnly(String schemaName) {
    this.schemaName = requireNonNull(schemaName, "schemaName");
  }

  /** {@code answer} without the rows of other schemas. */
  MetaResultSet filter(MetaResultSet answer) {
    requireNonNull(answer, "answer");
    Frame frame = answer.firstFrame;
    int column = schemaColumn(answer.signature);
    if (frame == null || column < 0) {
      return answer;
    }
    if (!frame.done) {
      // Later frames would come unfiltered from JdbcMeta's fetch; it never splits a metadata answer.
      throw new IllegalStateException("a metadata answer arrived in several frames; it cannot be filtered");
    }
    List<Object> kept = new ArrayList<>();
    for (Object row : frame.rows) {
      if (schemaName.equals(value(row, column))) {
        kept.add(row);
      }
    }
    return MetaResultSet.create(answer.connectionId, answer.statementId, answer.ownStatement, answer.signature,
        new Frame(frame.offset, true, kept));
  }

  /** Column {@code column} of a frame row (an array from JdbcMeta, a list once deserialized). */
  private static Object value(Object row, int column) {
    if (row instanceof Object[] values) {
      return values[column];
    }
    return row instanceof List<?> values ? values.get(column) : null;
  }

  private static int schemaColumn(Meta.Signature signature) {
    if (signature == null) {
      return -1;
    }
    List<ColumnMetaData> columns = signature.columns;
    for (int i = 0; i < columns.size(); i++) {
      if (SCHEMA_COLUMN.equalsIgnoreCase(columns.get(i).columnName)) {
        return i;
      }
    }
    return -1;
  }
}
