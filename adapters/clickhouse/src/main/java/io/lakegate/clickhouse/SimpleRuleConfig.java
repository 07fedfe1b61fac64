package io.lakegate.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An immutable {@link RelRule.Config} for this module's rules (Calcite generates its own with the
 * Immutables processor, which this project does not run).
 *
 * @param relBuilderFactory builder factory the rule uses
 * @param description the rule's name in planner traces
 * @param operandSupplier the operands the rule matches
 * @param factory creates the rule from this config
 */
record SimpleRuleConfig(RelBuilderFactory relBuilderFactory, @Nullable String description,
    RelRule.OperandTransform operandSupplier, Function<SimpleRuleConfig, RelOptRule> factory)
    implements RelRule.Config {
  SimpleRuleConfig {
    requireNonNull(relBuilderFactory, "relBuilderFactory");
    requireNonNull(operandSupplier, "operandSupplier");
    requireNonNull(factory, "factory");
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public SimpleRuleConfig withRelBuilderFactory(RelBuilderFactory builderFactory) {
    return new SimpleRuleConfig(builderFactory, description, operandSupplier, factory);
  }

  @Override
  public SimpleRuleConfig withDescription(@Nullable String text) {
    return new SimpleRuleConfig(relBuilderFactory, text, operandSupplier, factory);
  }

  @Override
  public SimpleRuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new SimpleRuleConfig(relBuilderFactory, description, transform, factory);
  }
}
