package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DirectClickHouseTest {
  @Test void aFractionalExecutionTimeBecomesWholeSecondsForTheConnection() {
    // clickhouse-jdbc 0.11 parses max_execution_time connection properties as an int ("5.000" failed).
    assertEquals(Map.of("max_execution_time", "5", "join_use_nulls", "1"),
        DirectClickHouse.connectionSettings(Map.of("max_execution_time", "4.987", "join_use_nulls", "1")));
    assertEquals(Map.of("max_execution_time", "5"), DirectClickHouse.connectionSettings(Map.of("max_execution_time",
        "5.000")));
    assertEquals(Map.of("readonly", "2"), DirectClickHouse.connectionSettings(Map.of("readonly", "2")));
  }
}
