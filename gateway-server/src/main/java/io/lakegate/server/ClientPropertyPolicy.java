package io.lakegate.server;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which connection properties a remote client may send. Avatica's {@code JdbcMeta} would merge
 * them over the server's own Calcite properties, so a client could otherwise replace the schema
 * ({@code model}, {@code schemaFactory}) or the SQL dialect ({@code fun}, {@code lex}); only
 * harmless identity properties are accepted, and nothing a client sends reaches Calcite.
 */
final class ClientPropertyPolicy {
  /** {@code user} names the caller in the query log; {@code password} is accepted and ignored (no authentication yet). */
  static final List<String> ALLOWED = List.of("user", "password");

  private ClientPropertyPolicy() {
  }

  /**
   * Checks the properties of an {@code openConnection} request.
   *
   * @throws org.apache.calcite.avatica.remote.AvaticaRuntimeException (SQLSTATE 08004) naming every
   *     property that is not allowed and the allowed ones
   */
  static void check(Map<String, String> info) {
    if (info == null || info.isEmpty()) {
      return;
    }
    List<String> rejected = info.keySet().stream().filter(name -> !ALLOWED.contains(name)).sorted().toList();
    if (rejected.isEmpty()) {
      return;
    }
    String names = rejected.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    String message = rejected.size() == 1
        ? "connection property " + names + " is not allowed"
        : "connection properties " + names + " are not allowed";
    throw ErrorKind.CONNECTION_REJECTED.error(message + "; allowed: " + String.join(", ", ALLOWED)).toException();
  }

  /** The caller's name for the query log. */
  static String user(Map<String, String> info) {
    String user = info == null ? null : info.get("user");
    return user == null || user.isBlank() ? "anonymous" : user;
  }
}
