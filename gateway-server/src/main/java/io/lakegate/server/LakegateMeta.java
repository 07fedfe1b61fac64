package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.calcite.avatica.jdbc.JdbcMeta;
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
 * cost no lake reads and no client property can change what they see.
 */
public final class LakegateMeta extends JdbcMeta {
  private static final Logger LOG = LoggerFactory.getLogger(LakegateMeta.class);
  private static final String CALCITE_URL = "jdbc:calcite:";
  private static final Driver CALCITE_DRIVER = new Driver();

  private final String schemaName;
  private final Schema schema;

  /**
   * @param schemaName the name callers use ({@code analytics}), also the default schema
   * @param schema the virtual schema, shared by every connection
   */
  public LakegateMeta(String schemaName, Schema schema) throws SQLException {
    super(CALCITE_URL, calciteProperties(schemaName));
    this.schemaName = requireNonNull(schemaName, "schemaName");
    this.schema = requireNonNull(schema, "schema");
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

  /** Rejects every client property outside {@link ClientPropertyPolicy#ALLOWED}, then opens with the server's properties only. */
  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    ClientPropertyPolicy.check(info);
    super.openConnection(ch, Map.of());
  }

  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    Connection connection = CALCITE_DRIVER.connect(url, info);
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
