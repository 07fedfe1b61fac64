package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.ClickHouseConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The parts of {@code ddl/} the pushdown suite does not run: the ADLS files parse in ClickHouse
 * (there is no Azure here to run them), and the users file declares the limits the adapter sends.
 * ({@code ddl/nfs} is what the fixture loads.)
 */
class DdlTest {
  @Test void adlsStatementsParse() throws IOException, SQLException {
    ClickHouseFixture fixture = ClickHouseFixture.get();
    List<String> statements = new ArrayList<>();
    try (Stream<Path> files = Files.list(ClickHouseFixture.DDL_DIR.resolve("adls"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        statements.addAll(statements(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    assertEquals(8, statements.size(), "2 databases, 3 tables, 3 views");
    try (Connection admin = DriverManager.getConnection(fixture.engine.jdbcUrl(), "default", "");
         Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        try (ResultSet ast = statement.executeQuery("EXPLAIN AST " + sql)) {
          assertTrue(ast.next(), sql);
        }
      }
    }
  }

  @Test void theReadOnlyProfileCapsWhatTheAdapterSends() throws Exception {
    Document users = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ClickHouseFixture.DDL_DIR.resolve("users/lakegate.xml").toFile());
    XPath xpath = XPathFactory.newInstance().newXPath();
    String profile = "/clickhouse/profiles/lakegate_readonly/";
    assertEquals("2", xpath.evaluate(profile + "readonly", users));
    assertEquals(Integer.toString(ClickHouseConfig.DEFAULT_MAX_EXECUTION_TIME_SECONDS),
        xpath.evaluate(profile + "constraints/max_execution_time/max", users));
    assertEquals(Long.toString(ClickHouseConfig.DEFAULT_MAX_RESULT_ROWS),
        xpath.evaluate(profile + "constraints/max_result_rows/max", users));
    assertEquals("1", xpath.evaluate(profile + "constraints/max_result_rows/min", users), "0 would mean unlimited");
    assertEquals("lakegate_readonly", xpath.evaluate("/clickhouse/users/lakegate_ro/profile", users));
    assertEquals("GRANT SELECT ON analytics.*\nGRANT SELECT ON lake.*", grants(users, xpath));
    assertFalse(xpath.evaluate("/clickhouse/users/lakegate_ro/password/@from_env", users).isEmpty(),
        "the password comes from the environment");
  }

  private static String grants(Document users, XPath xpath) throws Exception {
    int count = Integer.parseInt(xpath.evaluate("count(/clickhouse/users/lakegate_ro/grants/query)", users));
    List<String> grants = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      grants.add(xpath.evaluate("/clickhouse/users/lakegate_ro/grants/query[" + i + "]", users));
    }
    return String.join("\n", grants);
  }

  /** The statements of a DDL file: comments dropped, split at the semicolons ending them. */
  private static List<String> statements(String file) {
    StringBuilder code = new StringBuilder();
    for (String line : file.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";\\s*\n")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
