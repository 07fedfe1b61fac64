package io.lakegate.lake;

import io.lakegate.functions.LakegateFunctions;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Planner rules of the lake adapter: push projections and filters into the logical scan, then
 * implement it as an {@link EnumerableLakeTableScan}.
 */
public final class LakeRules {
  private LakeRules() {
  }

  /** Narrows a scan to the columns a {@code Project} on it uses. */
  public static final RelOptRule PROJECT_SCAN = new LakeRuleConfig("LakeProjectScanRule",
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 -> b1.operand(LakeTableScan.class).noInputs()),
      RelFactories.LOGICAL_BUILDER, ProjectScanRule::new).toRule();

  /** Pushes a {@code Filter}'s partition and row-group predicates into the scan below it. */
  public static final RelOptRule FILTER_SCAN = new LakeRuleConfig("LakeFilterScanRule",
      b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(LakeTableScan.class).noInputs()),
      RelFactories.LOGICAL_BUILDER, FilterScanRule::new).toRule();

  /**
   * Narrows a scan under an {@code Aggregate} to the columns it uses (Calcite plans
   * {@code COUNT(*)} straight over the scan, with no project to push); with no column used, rows
   * are counted from the footers.
   */
  public static final RelOptRule AGGREGATE_SCAN = new LakeRuleConfig("LakeAggregateScanRule",
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LakeTableScan.class).noInputs()),
      RelFactories.LOGICAL_BUILDER, AggregateScanRule::new).toRule();

  /** Implements the chosen logical scan as an Enumerable one. */
  public static final RelOptRule TO_ENUMERABLE = ConverterRule.Config.INSTANCE
      .withConversion(LakeTableScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "EnumerableLakeTableScanRule")
      .withRuleFactory(ToEnumerableRule::new)
      .toRule();

  public static final List<RelOptRule> RULES = List.of(PROJECT_SCAN, FILTER_SCAN, AGGREGATE_SCAN, TO_ENUMERABLE);

  /** Registers the lake rules, and lakegate's function rules that the Enumerable engine needs. */
  public static void register(RelOptPlanner planner) {
    RULES.forEach(planner::addRule);
    planner.addRule(CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES);
    LakegateFunctions.register(planner);
  }

  /** See {@link #PROJECT_SCAN}; declines when the project already uses every scanned column. */
  static final class ProjectScanRule extends RelRule<LakeRuleConfig> {
    ProjectScanRule(LakeRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalProject project = call.rel(0);
      LakeTableScan scan = call.rel(1);
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
      if (used.cardinality() == scan.fields().size()) {
        return;
      }
      int[] newIndex = new int[scan.fields().size()];
      List<Integer> newFields = new ArrayList<>();
      for (int field : used) {
        newIndex[field] = newFields.size();
        newFields.add(scan.fields().get(field));
      }
      RexShuttle remap = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
        }
      };
      RelBuilder builder = call.builder();
      builder.push(scan.withFields(ImmutableIntList.copyOf(newFields)))
          .project(remap.apply(project.getProjects()), project.getRowType().getFieldNames());
      call.transformTo(builder.build());
    }
  }

  /**
   * See {@link #FILTER_SCAN}. The filter stays above the scan (row-group skipping and unknown
   * shapes leave rows Calcite must still test) unless the whole condition is partition
   * predicates applied exactly. A scan takes one filter: it declines on an already filtered scan.
   */
  static final class FilterScanRule extends RelRule<LakeRuleConfig> {
    FilterScanRule(LakeRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      LakeTableScan scan = call.rel(1);
      if (!scan.filter().isEmpty()) {
        return;
      }
      FilterTranslator.Result result = new FilterTranslator(filter.getCluster().getRexBuilder(),
          scan.lakeTable().def(), scan.fields()).translate(filter.getCondition());
      if (result.filter().isEmpty()) {
        return;
      }
      LakeTableScan pushed = scan.withFilter(result.filter());
      call.transformTo(result.fullyApplied() ? pushed
          : filter.copy(filter.getTraitSet(), pushed, filter.getCondition()));
    }
  }

  /**
   * See {@link #AGGREGATE_SCAN}. Group keys, arguments, filters, WITHIN GROUP orderings and
   * distinct keys count as used; calls with pre-operands ({@code rexList}) make it decline.
   */
  static final class AggregateScanRule extends RelRule<LakeRuleConfig> {
    AggregateScanRule(LakeRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate aggregate = call.rel(0);
      LakeTableScan scan = call.rel(1);
      ImmutableBitSet.Builder used = aggregate.getGroupSet().rebuild();
      for (AggregateCall aggCall : aggregate.getAggCallList()) {
        if (!aggCall.rexList.isEmpty()) {
          return;
        }
        used.addAll(aggCall.getArgList());
        if (aggCall.filterArg >= 0) {
          used.set(aggCall.filterArg);
        }
        aggCall.getCollation().getFieldCollations().forEach(c -> used.set(c.getFieldIndex()));
        if (aggCall.distinctKeys != null) {
          used.addAll(aggCall.distinctKeys);
        }
      }
      ImmutableBitSet usedFields = used.build();
      if (usedFields.cardinality() == scan.fields().size()) {
        return;
      }
      Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, scan.fields().size(),
          usedFields.cardinality());
      List<Integer> newFields = new ArrayList<>();
      for (int field : usedFields) {
        mapping.set(field, newFields.size());
        newFields.add(scan.fields().get(field));
      }
      List<ImmutableBitSet> groupSets = aggregate.getGroupSets().stream()
          .map(g -> Mappings.apply(mapping, g)).toList();
      List<AggregateCall> aggCalls = aggregate.getAggCallList().stream().map(c -> c.transform(mapping)).toList();
      call.transformTo(aggregate.copy(aggregate.getTraitSet(), scan.withFields(ImmutableIntList.copyOf(newFields)),
          Mappings.apply(mapping, aggregate.getGroupSet()), groupSets, aggCalls));
    }
  }

  /** See {@link #TO_ENUMERABLE}. */
  static final class ToEnumerableRule extends ConverterRule {
    ToEnumerableRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      LakeTableScan scan = (LakeTableScan) rel;
      return new EnumerableLakeTableScan(scan.getCluster(), scan.getTraitSet().replace(EnumerableConvention.INSTANCE),
          scan.getTable(), scan.lakeTable(), scan.fields(), scan.filter());
    }
  }
}
