package io.lakegate.functions;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * An immutable {@link RelRule.Config} for lakegate's rules, written by hand
 * because Calcite generates its own configs with the Immutables annotation
 * processor, which this project does not use.
 *
 * @param relBuilderFactory builder factory the rule uses
 * @param description       the rule's name in planner traces
 * @param operandSupplier   the operands the rule matches
 * @param factory           creates the rule from this config
 */
record RuleConfig(RelBuilderFactory relBuilderFactory, @Nullable String description,
    RelRule.OperandTransform operandSupplier, Function<RuleConfig, RelOptRule> factory)
    implements RelRule.Config {
  RuleConfig {
    requireNonNull(relBuilderFactory, "relBuilderFactory");
    requireNonNull(operandSupplier, "operandSupplier");
    requireNonNull(factory, "factory");
  }

  @Override public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override public RuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
    return new RuleConfig(factory, description, operandSupplier, this.factory);
  }

  @Override public RuleConfig withDescription(@Nullable String description) {
    return new RuleConfig(relBuilderFactory, description, operandSupplier, factory);
  }

  @Override public RuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new RuleConfig(relBuilderFactory, description, transform, factory);
  }
}
