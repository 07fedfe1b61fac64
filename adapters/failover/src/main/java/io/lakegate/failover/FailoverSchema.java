package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.TableDef;
import io.lakegate.lake.LakeSchema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The virtual schema {@code analytics} as callers see it: one {@link FailoverTable} per declared
 * table, each planned on ClickHouse or on the lake as the statement's {@link BackendChoice} says.
 * Mount it in every connection's root schema in place of the lake schema; the ClickHouse schema
 * itself is never mounted where SQL could name it.
 */
public final class FailoverSchema extends AbstractSchema {
  private final Map<String, Table> tables;
  private final Map<String, Table> lakeTables;
  private final Optional<ClickHouseLink> clickhouse;
  private final Optional<CircuitBreaker> breaker;

  FailoverSchema(LakegateModel model, LakeSchema lake, Optional<ClickHouseLink> clickhouse,
      Optional<CircuitBreaker> breaker) {
    requireNonNull(model, "model");
    requireNonNull(lake, "lake");
    this.clickhouse = requireNonNull(clickhouse, "clickhouse");
    this.breaker = requireNonNull(breaker, "breaker");
    Map<String, Table> failover = new LinkedHashMap<>();
    Map<String, Table> lakeByName = new LinkedHashMap<>();
    for (TableDef def : model.tables()) {
      Table lakeTable = lake.tables().get(def.name());
      if (lakeTable == null) {
        throw new IllegalArgumentException("the lake schema has no table " + def.name() + " declared in model.json");
      }
      lakeByName.put(def.name(), lakeTable);
      failover.put(def.name(), new FailoverTable(this, def, lakeTable));
    }
    this.tables = Map.copyOf(failover);
    this.lakeTables = Map.copyOf(lakeByName);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  /** Where a statement starting now should run: ClickHouse while the breaker is closed, else the lake. */
  public Backend route() {
    boolean up = breaker.map(CircuitBreaker::isClosed).orElse(false)
        && clickhouse.map(ClickHouseLink::isOpen).orElse(false);
    return up ? Backend.CLICKHOUSE : Backend.LAKE;
  }

  /**
   * The backend a statement prepared on this thread now is planned for: the thread's binding, else the
   * lake (what {@link FailoverTable} resolves to). A cached plan is only valid for the backend it was
   * planned for.
   */
  public Backend plannedBackend() {
    return BackendChoice.current(this).map(BackendChoice::backend).orElse(Backend.LAKE);
  }

  /**
   * Binds this thread's statements to {@code backend} until the returned binding is closed; bind around
   * the prepare (the executor does it for you).
   *
   * @throws IllegalStateException for {@link Backend#CLICKHOUSE} when ClickHouse has not been opened
   */
  public BackendChoice bind(Backend backend) {
    requireNonNull(backend, "backend");
    if (backend == Backend.LAKE) {
      return BackendChoice.bind(this, backend, lakeTables);
    }
    Map<String, Table> clickhouseTables = clickhouse.flatMap(ClickHouseLink::tables)
        .orElseThrow(() -> new IllegalStateException("ClickHouse is not available: it is not configured, or it "
            + "could not be reached since the gateway started"));
    return BackendChoice.bind(this, backend, clickhouseTables);
  }
}
