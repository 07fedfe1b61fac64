package io.lakegate.catalog;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code failover} object of model.json's operand into a {@link FailoverConfig}; each error
 * names the key's JSON path and what it accepts.
 */
final class FailoverParser {
  static final Set<String> KEYS = new TreeSet<>(Set.of("probeIntervalMs", "healthCheckIntervalMs", "probeTimeoutMs"));

  private final EnvSubstitution env;

  FailoverParser(EnvSubstitution env) {
    this.env = env;
  }

  /** The configuration at {@code path}; the defaults when {@code node} is missing. */
  FailoverConfig parse(JsonNode node, String path) {
    if (node.isMissingNode()) {
      return FailoverConfig.defaults();
    }
    if (!node.isObject()) {
      throw error(path, "must be an object with the keys " + String.join(", ", KEYS));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw error(path + "." + key, "is not a known key; known keys: " + String.join(", ", KEYS));
      }
    }
    try {
      return new FailoverConfig(
          (int) number(node, "probeIntervalMs", path, FailoverConfig.DEFAULT_PROBE_INTERVAL_MS),
          (int) number(node, "healthCheckIntervalMs", path, FailoverConfig.DEFAULT_HEALTH_CHECK_INTERVAL_MS),
          (int) number(node, "probeTimeoutMs", path, FailoverConfig.DEFAULT_PROBE_TIMEOUT_MS));
    } catch (IllegalArgumentException e) {
      throw new ModelException("model.json: " + path + ": " + e.getMessage());
    }
  }

  /** A whole number, written as a JSON number or as a string (so that it can come from ${ENV}). */
  private long number(JsonNode node, String key, String path, long dflt) {
    JsonNode value = node.get(key);
    if (value == null) {
      return dflt;
    }
    String text = value.isTextual() ? env.resolve(value.asText(), path + "." + key).strip() : value.asText();
    if (!(value.isIntegralNumber() || value.isTextual()) || !text.matches("[0-9]{1,9}")) {
      throw error(path + "." + key, "must be a whole number of milliseconds, not " + value);
    }
    return Long.parseLong(text);
  }

  private static ModelException error(String path, String problem) {
    return new ModelException("model.json: " + path + " " + problem);
  }
}
