package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import com.clickhouse.jdbc.DriverProperties;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.apache.commons.dbcp2.DriverConnectionFactory;

/**
 * DBCP2's pool of clickhouse-jdbc connections, as pushed-down statements need them: every
 * connection names its statements by the gateway's query ids ({@link QueryIds}, given to the driver
 * as its {@code jdbc_query_id_generator}, an object DBCP's string properties cannot carry), and the
 * connections handed out give their statements the deadline of the query execution they are
 * created for ({@link DeadlineConnection}).
 */
final class ClickHousePool extends BasicDataSource {
  private static final Supplier<String> QUERY_IDS = QueryIds::next;

  private final StatementDeadline deadline;

  /** @param statementLimit the longest any statement may run ({@code maxExecutionTimeSeconds}) */
  ClickHousePool(Duration statementLimit) {
    this.deadline = new StatementDeadline(statementLimit);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return new DeadlineConnection(super.getConnection(), deadline);
  }

  @Override
  protected ConnectionFactory createConnectionFactory() throws SQLException {
    ConnectionFactory configured = super.createConnectionFactory();
    if (!(configured instanceof DriverConnectionFactory factory)) {
      throw new SQLException("the ClickHouse pool expected DBCP's DriverConnectionFactory, not "
          + configured.getClass().getName() + " (connectionFactoryClassName must not be set)");
    }
    requireNonNull(factory.getDriver(), "driver");
    return () -> {
      // clickhouse-jdbc removes the generator from the properties it is given: a copy for every connection.
      Properties properties = new Properties();
      properties.putAll(factory.getProperties());
      properties.put(DriverProperties.QUERY_ID_GENERATOR.getKey(), QUERY_IDS);
      return factory.getDriver().connect(factory.getConnectionString(), properties);
    };
  }
}
