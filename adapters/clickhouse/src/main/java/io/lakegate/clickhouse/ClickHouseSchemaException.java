package io.lakegate.clickhouse;

/**
 * ClickHouse's tables do not match model.json, or cannot be read at all; the message names the
 * table, the column, the declared and the found type, and what to fix.
 */
public final class ClickHouseSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClickHouseSchemaException(String message) {
    super(message);
  }

  public ClickHouseSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
