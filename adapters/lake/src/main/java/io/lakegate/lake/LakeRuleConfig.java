package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * An immutable {@link RelRule.Config} for the lake rules, written as a record so that no
 * annotation processor is needed.
 */
record LakeRuleConfig(String description, RelRule.OperandTransform operandSupplier,
    RelBuilderFactory relBuilderFactory, Function<LakeRuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  LakeRuleConfig {
    requireNonNull(description, "description");
    requireNonNull(operandSupplier, "operandSupplier");
    requireNonNull(relBuilderFactory, "relBuilderFactory");
    requireNonNull(factory, "factory");
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public LakeRuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
    return new LakeRuleConfig(description, operandSupplier, newFactory, factory);
  }

  @Override
  public LakeRuleConfig withDescription(String newDescription) {
    return new LakeRuleConfig(newDescription, operandSupplier, relBuilderFactory, factory);
  }

  @Override
  public LakeRuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new LakeRuleConfig(description, transform, relBuilderFactory, factory);
  }
}
