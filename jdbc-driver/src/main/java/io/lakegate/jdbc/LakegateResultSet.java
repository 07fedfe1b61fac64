package io.lakegate.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;

/**
 * Avatica's result set, except that {@link #next()} reports a failed fetch as an
 * {@link SQLException} carrying the gateway's SQLSTATE, error code and message.
 *
 * <p>Avatica's remote cursor fetches the next frame from inside {@code next()} and lets the
 * gateway's error escape as its unchecked {@code AvaticaClientRuntimeException}, which JDBC tools
 * do not expect. {@code next()} is the only cursor move that fetches: Avatica's result sets are
 * forward-only and refuse {@code absolute}, {@code relative}, {@code previous}, {@code first}
 * and {@code last}.
 */
final class LakegateResultSet extends AvaticaResultSet {
  LakegateResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData resultSetMetaData, TimeZone timeZone, Meta.Frame firstFrame)
      throws SQLException {
    super(statement, state, signature, resultSetMetaData, timeZone, firstFrame);
  }

  @Override public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (RuntimeException e) {
      // As Avatica converts a failed execute: an error from the gateway becomes an
      // AvaticaSqlException with its SQLSTATE and code (its stack traces stay out of the message,
      // in getStackTraces()); a transport failure becomes an SQLException caused by it.
      throw AvaticaConnection.HELPER.createException(
          "Error while fetching rows: " + e.getMessage(), e);
    }
  }
}
