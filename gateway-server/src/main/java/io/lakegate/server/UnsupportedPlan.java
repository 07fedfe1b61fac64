package io.lakegate.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.plan.RelOptPlanner;

/**
 * Turns Calcite's {@link RelOptPlanner.CannotPlanException} ("There are not enough rules to
 * produce a node with desired properties", followed by kilobytes of planner state) into one line
 * for the caller: what could not be run, as far as the report names it, and where the supported
 * SQL is listed. The functions module deliberately leaves windows it would compute wrongly without
 * a plan, so this is how a user learns that such a query is refused.
 */
final class UnsupportedPlan {
  static final String SEE_SUPPORTED_SQL = "see the supported SQL in the README (docs/sql-functions.md)";
  /** {@code Missing conversion is LogicalWindow[convention: NONE -> ENUMERABLE]} (or "conversions are ..."). */
  private static final Pattern MISSING = Pattern.compile("Missing conversions? (?:is|are) (\\w+)\\[");
  /** The failing window's calls, in the explained plan: {@code aggs [NTH_VALUE($0, $1), $SUM0($0)]}. */
  private static final Pattern WINDOW_CALLS = Pattern.compile("aggs \\[([^\\]]*)\\]");
  private static final Pattern CALL = Pattern.compile("(\\$?[A-Z][A-Z0-9_]*)\\(");
  /** A DISTINCT call in the original plan ({@code $SUM0(DISTINCT $0) OVER ...}); the window's explain omits it. */
  private static final Pattern DISTINCT_CALL = Pattern.compile("(\\$?[A-Z][A-Z0-9_]*)\\(DISTINCT ");
  private static final String ORIGINAL_PLAN = "\nOriginal rel:\n";
  /** Where the planner's own state dump starts; only the text before it describes the query. */
  private static final String DUMP_START = "\nRoot: ";

  private UnsupportedPlan() {
  }

  /** The caller's one-line message for a planning failure reported as {@code report}. */
  static String message(String report) {
    String text = String.valueOf(report);
    int dump = text.indexOf(DUMP_START);
    String query = dump < 0 ? text : text.substring(0, dump);
    Matcher missing = MISSING.matcher(query);
    if (!missing.find()) {
      return "this query cannot be run by the gateway (no execution plan for it); " + SEE_SUPPORTED_SQL;
    }
    String relation = missing.group(1).replaceFirst("^Logical", "");
    if ("Window".equals(relation)) {
      int original = text.indexOf(ORIGINAL_PLAN);
      List<String> calls = windowCalls(query, original < 0 ? "" : text.substring(original));
      String what = calls.isEmpty() ? "this window function" : String.join(", ", calls) + " OVER (...)";
      return "not supported: " + what + " with this frame, ordering or DISTINCT: the gateway refuses windows"
          + " it would compute wrongly; " + SEE_SUPPORTED_SQL;
    }
    return "not supported: the gateway cannot execute this query's " + describe(relation) + "; " + SEE_SUPPORTED_SQL;
  }

  /** {@code NTH_VALUE(...)}, {@code SUM(DISTINCT ...)}: the calls of the window that has no plan. */
  private static List<String> windowCalls(String query, String originalPlan) {
    Set<String> distinct = new LinkedHashSet<>();
    Matcher distinctCall = DISTINCT_CALL.matcher(originalPlan);
    while (distinctCall.find()) {
      distinct.add(sqlName(distinctCall.group(1)));
    }
    Set<String> calls = new LinkedHashSet<>();
    Matcher windows = WINDOW_CALLS.matcher(query);
    while (windows.find()) {
      Matcher call = CALL.matcher(windows.group(1));
      while (call.find()) {
        String name = sqlName(call.group(1));
        calls.add(name + (distinct.contains(name) ? "(DISTINCT ...)" : "(...)"));
      }
    }
    return new ArrayList<>(calls);
  }

  /** Calcite computes SUM over a window as its internal {@code $SUM0}. */
  private static String sqlName(String planName) {
    return "$SUM0".equals(planName) ? "SUM" : planName;
  }

  private static String describe(String relation) {
    switch (relation) {
      case "Aggregate":
        return "aggregation (GROUP BY or an aggregate function)";
      case "Join":
        return "join";
      case "Correlate":
        return "correlated subquery";
      case "Sort":
        return "ORDER BY / LIMIT";
      case "Values":
        return "VALUES";
      default:
        return relation.toLowerCase(Locale.ROOT) + " step";
    }
  }
}
