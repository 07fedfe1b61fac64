package io.lakegate.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link SchemaDriftCheck} on ClickHouse columns given as data: the project's DDL, and what can go wrong. */
class SchemaDriftCheckTest {
  private static final LakegateModel MODEL = ModelLoader.load(Path.of("../../model.json"), Map.of());

  /** The columns ddl/nfs gives ClickHouse, as system.columns lists them. */
  private static Map<String, List<String[]>> ddlColumns() {
    Map<String, List<String[]>> tables = new LinkedHashMap<>();
    tables.put("commission_history", columns("partner_id Int32", "network String", "effective_from Date32",
        "effective_to Nullable(Date32)", "commission_rate Decimal(6, 4)", "flat_fee Nullable(Decimal(10, 2))",
        "tier String", "changed_at DateTime64(3, 'UTC')", "changed_by Nullable(String)"));
    return tables;
  }

  private static List<String[]> columns(String... nameAndType) {
    List<String[]> columns = new ArrayList<>();
    for (String column : nameAndType) {
      int space = column.indexOf(' ');
      columns.add(new String[] {column.substring(0, space), column.substring(space + 1)});
    }
    return columns;
  }

  private static List<String> problems(Map<String, List<String[]>> found) {
    LakegateModel onlyCommissions = new LakegateModel(MODEL.schemaName(),
        List.of(MODEL.table("commission_history").orElseThrow()), MODEL.lake());
    return new SchemaDriftCheck(onlyCommissions, "analytics").problems(found);
  }

  @Test void theProjectDdlMatches() {
    assertEquals(List.of(), problems(ddlColumns()));
  }

  @Test void compatibleAlternativesAreAccepted() {
    Map<String, List<String[]>> found = ddlColumns();
    found.put("commission_history", columns("partner_id UInt16", "network LowCardinality(String)",
        "effective_from Date", "effective_to Date32", "commission_rate Decimal(5, 4)",
        "flat_fee Nullable(Decimal(10, 2))", "tier LowCardinality(String)", "changed_at DateTime64(3, 'UTC')",
        "changed_by LowCardinality(Nullable(String))"));
    assertEquals(List.of(), problems(found));
  }

  @Test void nullableForANotNullColumnIsRejected() {
    Map<String, List<String[]>> found = ddlColumns();
    found.get("commission_history").set(6, new String[] {"tier", "Nullable(String)"});
    assertEquals(List.of("ClickHouse table analytics.commission_history: column 'tier' is Nullable(String) but"
        + " model.json declares it VARCHAR NOT NULL (expected String)"), problems(found));
  }

  @Test void anotherOrderIsRejected() {
    Map<String, List<String[]>> found = ddlColumns();
    List<String[]> columns = found.get("commission_history");
    String[] first = columns.remove(0);
    columns.add(first);
    assertEquals(List.of("ClickHouse table analytics.commission_history has the declared columns in another order:"
        + " [network, effective_from, effective_to, commission_rate, flat_fee, tier, changed_at, changed_by, partner_id];"
        + " model.json declares [partner_id, network, effective_from, effective_to, commission_rate, flat_fee, tier,"
        + " changed_at, changed_by] (SELECT * must return that order)"), problems(found));
  }

  @Test void zonesAndPrecisionsOfTimestampsMatter() {
    for (String type : List.of("DateTime64(3)", "DateTime64(3, 'Europe/Paris')", "DateTime64(6, 'UTC')", "DateTime")) {
      Map<String, List<String[]>> found = ddlColumns();
      found.get("commission_history").set(7, new String[] {"changed_at", type});
      assertEquals(List.of("ClickHouse table analytics.commission_history: column 'changed_at' is " + type
          + ", which cannot hold the declared TIMESTAMP(3) NOT NULL (expected DateTime64(3, 'UTC'))"),
          problems(found), type);
    }
  }
}
