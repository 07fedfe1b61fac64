package io.lakegate.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The gateways' model.json files: the project's own, with the lake root set to the generated lake, the
 * {@code clickhouse} section pointed at the engine (or emptied, for the lake-only gateway) and the
 * policy's query timeout raised, so that a slow query is timed instead of cut off; nothing else changes.
 */
final class ModelFiles {
  /** The policy's query timeout in the benchmark's models (the project's is 5 s). */
  static final int QUERY_TIMEOUT_MS = 60_000;

  private ModelFiles() {
  }

  /**
   * Writes {@code target} from {@code projectModel}.
   *
   * @param clickHouse the engine's URL and credentials, or empty for a gateway without ClickHouse
   */
  static Path write(Path projectModel, Path target, Path lakeRoot, Optional<ClickHouseAccess> clickHouse)
      throws IOException {
    requireNonNull(clickHouse, "clickHouse");
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode model = (ObjectNode) mapper.readTree(projectModel.toFile());
    ObjectNode operand = (ObjectNode) model.path("schemas").path(0).path("operand");
    if (operand.isMissingNode() || !operand.path("lake").isObject() || !operand.path("clickhouse").isObject()
        || !operand.path("policy").isObject()) {
      throw new IllegalStateException(projectModel + " no longer has schemas[0].operand.{lake,clickhouse,policy};"
          + " update ModelFiles");
    }
    ((ObjectNode) operand.path("lake")).put("root", lakeRoot.toAbsolutePath().toString());
    ObjectNode section = (ObjectNode) operand.path("clickhouse");
    section.put("url", clickHouse.map(ClickHouseAccess::jdbcUrl).orElse(""));
    section.put("user", clickHouse.map(ClickHouseAccess::user).orElse(""));
    section.put("password", clickHouse.map(ClickHouseAccess::password).orElse(""));
    ((ObjectNode) operand.path("policy")).put("queryTimeoutMs", QUERY_TIMEOUT_MS);
    mapper.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), model);
    return target;
  }

  /**
   * How a gateway reaches ClickHouse.
   *
   * @param jdbcUrl clickhouse-jdbc URL, database included
   * @param user the read-only user
   * @param password its password
   */
  record ClickHouseAccess(String jdbcUrl, String user, String password) {
    ClickHouseAccess {
      requireNonNull(jdbcUrl, "jdbcUrl");
      requireNonNull(user, "user");
      requireNonNull(password, "password");
    }
  }
}
