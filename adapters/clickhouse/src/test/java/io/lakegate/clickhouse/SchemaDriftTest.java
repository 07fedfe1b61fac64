package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lakegate.catalog.ClickHouseConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ClickHouseBackend#open} refuses a ClickHouse whose tables drifted from model.json, with
 * one line per problem naming table, column, declared and found type. The drifted tables are views
 * over the real lake tables in a database of their own, made by ClickHouse's admin user.
 */
class SchemaDriftTest {
  @BeforeAll
  static void driftedDatabase() throws SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    try (Connection admin = DriverManager.getConnection(fixture.engine.jdbcUrl(), "default", "");
         Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS drift");
      // region missing, quotes_won widened to Int64
      statement.execute("CREATE VIEW IF NOT EXISTS drift.partner_metrics AS SELECT date, partner_id, network,"
          + " quotes_requested, toInt64(quotes_won) AS quotes_won, gross_premium, giveaway, giveaway_rate,"
          + " avg_response_ms, p95_response_ms, is_partner_active, loaded_at FROM analytics.partner_metrics");
      // quoted_at without milliseconds, list_premium wider, an undeclared column
      statement.execute("CREATE VIEW IF NOT EXISTS drift.quote_outcomes AS SELECT date, quote_id, partner_id, network,"
          + " product, outcome, toDateTime(quoted_at, 'UTC') AS quoted_at, decided_at,"
          + " CAST(list_premium AS Decimal(18, 2)) AS list_premium, final_premium, giveaway, risk_score, customer_id,"
          + " is_renewal, response_ms, 1 AS extra FROM analytics.quote_outcomes");
      // commission_history is missing altogether
    }
  }

  @Test void driftIsAClearErrorNamingEveryColumn() {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    ClickHouseConfig drifted = new ClickHouseConfig(fixture.engine.jdbcUrl(), ClickHouseFixture.USER,
        ClickHouseFixture.PASSWORD, "drift", 1_000, 7_000, 1, 5, 1_000_000);
    ClickHouseSchemaException e = assertThrows(ClickHouseSchemaException.class,
        () -> ClickHouseBackend.open(fixture.model, drifted));
    assertEquals("""
        6 mismatches between ClickHouse and model.json:
          ClickHouse table drift.partner_metrics has no column 'region' (declared VARCHAR NOT NULL in model.json;\
         expected String)
          ClickHouse table drift.partner_metrics: column 'quotes_won' is Int64, which cannot hold the declared\
         INTEGER NOT NULL (expected Int32)
          ClickHouse table drift.quote_outcomes: column 'quoted_at' is DateTime('UTC'), which cannot hold the\
         declared TIMESTAMP(3) NOT NULL (expected DateTime64(3, 'UTC'))
          ClickHouse table drift.quote_outcomes: column 'list_premium' is Decimal(18, 2), which cannot hold the\
         declared DECIMAL(12,2) NOT NULL (expected Decimal(12, 2))
          ClickHouse table drift.quote_outcomes has column 'extra' (UInt8) that model.json does not declare;\
         declare it or drop it from the table
          ClickHouse has no table drift.commission_history (declared in model.json); create it with the files in\
         ddl/""", e.getMessage());
  }

  @Test void unreachableClickHouseIsAClearError() {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    ClickHouseConfig nowhere = new ClickHouseConfig("jdbc:clickhouse://127.0.0.1:1", ClickHouseFixture.USER,
        ClickHouseFixture.PASSWORD, "analytics", 500, 2_000, 1, 1, 1_000_000);
    ClickHouseSchemaException e = assertThrows(ClickHouseSchemaException.class,
        () -> ClickHouseBackend.open(fixture.model, nowhere));
    assertEquals("cannot read the columns of ClickHouse database 'analytics' to check them against model.json: ",
        e.getMessage().substring(0, e.getMessage().indexOf(": ") + 2));
  }
}
