package io.lakegate.server;

import java.util.Map;

/**
 * What the gateway reads from a client's connection properties once the guardrails have accepted
 * them ({@link io.lakegate.guardrails.Guardrails#openSession}): the caller's name for the query log.
 * Nothing a client sends reaches Calcite.
 */
final class ClientPropertyPolicy {
  private ClientPropertyPolicy() {
  }

  /** The caller's name for the query log. */
  static String user(Map<String, String> info) {
    String user = info == null ? null : info.get("user");
    return user == null || user.isBlank() ? "anonymous" : user;
  }
}
