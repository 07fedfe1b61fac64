package io.lakegate.bench;

import java.util.List;

/** Ratios of medians between two subjects' outcomes, and their summaries over the corpus. */
final class Ratios {
  private Ratios() {
  }

  /** {@code subject}'s median over {@code reference}'s; NaN when either failed, is missing or has no sample. */
  static double of(Repeater.Outcome subject, Repeater.Outcome reference) {
    if (subject == null || reference == null || !subject.ok() || !reference.ok() || subject.stats().isEmpty()
        || reference.stats().isEmpty() || !(reference.stats().median() > 0)) {
      return Double.NaN;
    }
    return subject.stats().median() / reference.stats().median();
  }

  /** The geometric mean of the ratios that exist (NaN ones are left out); NaN when none exists. */
  static double geometricMean(List<Double> ratios) {
    List<Double> present = ratios.stream().filter(r -> !r.isNaN()).toList();
    return present.isEmpty() ? Double.NaN : Stats.geometricMean(present);
  }

  /** The largest ratio that exists, NaN when none does. */
  static double max(List<Double> ratios) {
    return ratios.stream().filter(r -> !r.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** The sum of {@code subjects}' medians over the sum of {@code references}', over the queries both answered. */
  static double total(List<Repeater.Outcome> subjects, List<Repeater.Outcome> references) {
    double subjectSum = 0;
    double referenceSum = 0;
    for (int i = 0; i < subjects.size(); i++) {
      if (!Double.isNaN(of(subjects.get(i), references.get(i)))) {
        subjectSum += subjects.get(i).stats().median();
        referenceSum += references.get(i).stats().median();
      }
    }
    return referenceSum > 0 ? subjectSum / referenceSum : Double.NaN;
  }
}
