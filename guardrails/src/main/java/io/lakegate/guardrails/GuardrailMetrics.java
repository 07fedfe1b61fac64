package io.lakegate.guardrails;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cumulative guardrail counters for {@code GET /metrics}: statements (and connections) rejected per
 * rule, and executions per row-limit action (how many got the default limit, kept theirs, were
 * lowered to the maximum, or had a parameter limit capped).
 */
public final class GuardrailMetrics {
  private final Map<GuardrailRule, LongAdder> rejected = new EnumMap<>(GuardrailRule.class);
  private final Map<RowLimit.Action, LongAdder> rowLimits = new EnumMap<>(RowLimit.Action.class);

  GuardrailMetrics() {
    for (GuardrailRule rule : GuardrailRule.values()) {
      rejected.put(rule, new LongAdder());
    }
    for (RowLimit.Action action : RowLimit.Action.values()) {
      rowLimits.put(action, new LongAdder());
    }
  }

  /** Counts a rejection by {@code rule}; also for rules enforced outside this module (the wire encoding). */
  public void rejected(GuardrailRule rule) {
    rejected.get(rule).increment();
  }

  void executed(RowLimit limit) {
    rowLimits.get(limit.action()).increment();
  }

  public long rejections(GuardrailRule rule) {
    return rejected.get(rule).sum();
  }

  public long executions(RowLimit.Action action) {
    return rowLimits.get(action).sum();
  }

  /** {@code {"rejected": {"READ_ONLY": n, ...}, "rowLimit": {"added": n, "kept": n, "lowered": n, "capped": n}}}. */
  public Map<String, Object> toMap() {
    Map<String, Object> rejections = new LinkedHashMap<>();
    rejected.forEach((rule, count) -> rejections.put(rule.name(), count.sum()));
    Map<String, Object> limits = new LinkedHashMap<>();
    rowLimits.forEach((action, count) -> {
      if (action != RowLimit.Action.NONE) {
        limits.put(action.name().toLowerCase(Locale.ROOT), count.sum());
      }
    });
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rejected", rejections);
    map.put("rowLimit", limits);
    return map;
  }
}
