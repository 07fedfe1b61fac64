package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.ModelLoader;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@code "factory"} named in model.json: turns the schema operand into a {@link LakegateModel}
 * and opens it as a {@link LakeSchema}.
 *
 * <p>Calcite calls the factory once per connection; opened schemas are cached by model content
 * (a record, so equal models are equal keys), so that connections opening the same model.json
 * share one schema, its footers and its metrics instead of re-reading the lake each time.
 */
public final class LakeSchemaFactory implements SchemaFactory {
  /** Public no-arg instance for Calcite's model handler. */
  public static final LakeSchemaFactory INSTANCE = new LakeSchemaFactory();

  private static final Map<LakegateModel, LakeSchema> OPENED = new ConcurrentHashMap<>();

  public LakeSchemaFactory() {
  }

  @Override
  public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
    requireNonNull(name, "name");
    requireNonNull(operand, "operand");
    return open(ModelLoader.fromOperand(name, operand));
  }

  /** The shared schema of {@code model}, opening it on first use. */
  public static LakeSchema open(LakegateModel model) {
    // computeIfAbsent: concurrent first connections wait for one open instead of each reading footers.
    return OPENED.computeIfAbsent(model, LakeSchema::open);
  }

  /** Forgets every cached schema, so the next connection re-reads the lake (for a reload or tests). */
  public static void clearCache() {
    OPENED.clear();
  }
}
